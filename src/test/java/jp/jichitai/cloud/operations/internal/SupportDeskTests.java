package jp.jichitai.cloud.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.operations.ServiceWindow;
import jp.jichitai.cloud.shared.TenantCode;

/** サポートサービス稼働率: answers within the target, counted in the desk's reception hours. */
class SupportDeskTests {

    private static final ServiceWindow DESK = ServiceWindow.parse("MON-FRI 08:30-17:15");
    private static final Duration ONE_DESK_DAY = Duration.ofHours(7).plusMinutes(45);
    private static final LocalDateTime NOW = LocalDateTime.parse("2025-06-20T12:00");

    @Test
    void aTicketOfFridayEveningAnsweredOnMondayIsInTime() {
        SupportDesk desk = SupportDesk.of(List.of(
                // 15 min on Friday + 30 min on Monday = 45 min of desk time
                ticket("2025-06-13T17:00", "2025-06-16T09:00"),
                // received Monday 8:30, answered Tuesday 8:30: 8 h 45 min of desk time, over the target
                ticket("2025-06-16T08:30", "2025-06-17T08:30"),
                // exactly at the target: 7 h 45 min of desk time is in time
                ticket("2025-06-16T08:30", "2025-06-16T16:15")), DESK, ONE_DESK_DAY, NOW);

        assertThat(desk.answeredInTime()).isEqualTo(2);
        assertThat(desk.decided()).isEqualTo(3);
        assertThat(desk.compliance().display()).isEqualTo("66.66%");
    }

    @Test
    void anUnansweredTicketIsPendingUntilItsTargetHasPassed() {
        SupportDesk desk = SupportDesk.of(List.of(
                ticket("2025-06-20T09:00", null),
                ticket("2025-06-18T09:00", null)), DESK, ONE_DESK_DAY, NOW);

        assertThat(desk.pending()).isEqualTo(1);
        assertThat(desk.decided()).isEqualTo(1);
        assertThat(desk.answeredInTime()).isZero();
        assertThat(SupportDesk.of(List.of(), DESK, ONE_DESK_DAY, NOW).compliance().isApplicable()).isFalse();
    }

    private static SupportTicket ticket(String received, String answered) {
        return new SupportTicket(0, TenantCode.of("012211"), LocalDateTime.parse(received),
                answered == null ? null : LocalDateTime.parse(answered), SupportCategory.OPERATION, "操作方法");
    }
}
