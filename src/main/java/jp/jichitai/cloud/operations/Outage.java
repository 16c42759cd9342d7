package jp.jichitai.cloud.operations;

import java.util.Objects;

/**
 * サービス停止 (outage): a span during which the service was stopped, from the 障害記録 (incident record)
 * or the システムメンテナンス記録 (maintenance record). It may span a month boundary; each month counts
 * only its own part.
 */
public record Outage(TimeInterval interval, OutageKind kind, String description) {

    public Outage {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }

    public static Outage incident(TimeInterval interval, String description) {
        return new Outage(interval, OutageKind.INCIDENT, description);
    }

    public static Outage plannedMaintenance(TimeInterval interval, String description) {
        return new Outage(interval, OutageKind.PLANNED_MAINTENANCE, description);
    }
}
