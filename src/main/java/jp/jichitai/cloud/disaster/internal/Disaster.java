package jp.jichitai.cloud.disaster.internal;

import java.time.LocalDate;
import java.util.List;

import jp.jichitai.cloud.disaster.DisasterKind;
import jp.jichitai.cloud.tenancy.District;

/**
 * 災害 (disaster) declared by a town: its own registries and certificate numbering. A drill (訓練) works the
 * same, but its certificates are marked and numbered apart, it is never counted in statistics, and it can be
 * removed as a whole.
 */
public record Disaster(long id, String name, DisasterKind kind, LocalDate occurredOn, boolean drill, List<District> districts) {

    /** The issuance module's numbering scope of this disaster's certificates. */
    public String numberingScope() {
        return "disaster-" + id + (drill ? "-drill" : "");
    }

    /** The name as shown on screens and certificates, e.g. 令和8年大雨災害（訓練）. */
    public String displayName() {
        return drill ? name + "（訓練）" : name;
    }
}
