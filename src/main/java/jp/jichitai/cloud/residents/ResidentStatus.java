package jp.jichitai.cloud.residents;

/**
 * 住民状態 (resident status). Every status but {@link #RESIDENT} is a 除票 (removed record), kept 150 years and
 * still searchable and certifiable.
 */
public enum ResidentStatus {
    RESIDENT("住民"),
    MOVED_OUT("転出"),
    DECEASED("死亡"),
    REMOVED_EX_OFFICIO("職権消除"),
    OTHER_REMOVAL("その他消除");

    private final String japanese;

    ResidentStatus(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /** Whether the record is a 除票. */
    public boolean isRemoved() {
        return this != RESIDENT;
    }
}
