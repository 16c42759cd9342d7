package jp.jichitai.cloud.operations.internal;

import java.time.LocalDateTime;

import jp.jichitai.cloud.shared.TenantCode;

/** 問い合わせ (support desk ticket) of a town: received, answered, and its category. */
record SupportTicket(long id, TenantCode tenant, LocalDateTime receivedAt, LocalDateTime answeredAt,
        SupportCategory category, String subject) {
}
