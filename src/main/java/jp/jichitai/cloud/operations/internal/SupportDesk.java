package jp.jichitai.cloud.operations.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import jp.jichitai.cloud.operations.Rate;
import jp.jichitai.cloud.operations.ServiceWindow;

/**
 * サポートサービス稼働率 (support desk availability) of a month: the share of the month's tickets answered
 * within the target, the waiting time counted only in the desk's reception hours (サポート受付時間): a
 * ticket received after hours waits from the next opening. A ticket still unanswered counts as missed
 * once its target has passed, and is pending (left out) before that.
 */
record SupportDesk(long answeredInTime, long decided, long pending) {

    static SupportDesk of(List<SupportTicket> tickets, ServiceWindow receptionHours, Duration target,
            LocalDateTime now) {
        long inTime = 0;
        long decided = 0;
        long pending = 0;
        for (SupportTicket ticket : tickets) {
            if (ticket.answeredAt() != null) {
                decided++;
                if (receptionHours.openTimeBetween(ticket.receivedAt(), ticket.answeredAt()).compareTo(target) <= 0) {
                    inTime++;
                }
            } else if (!now.isAfter(ticket.receivedAt())
                    || receptionHours.openTimeBetween(ticket.receivedAt(), now).compareTo(target) <= 0) {
                pending++;
            } else {
                decided++;
            }
        }
        return new SupportDesk(inTime, decided, pending);
    }

    Rate compliance() {
        return new Rate(answeredInTime, decided);
    }
}
