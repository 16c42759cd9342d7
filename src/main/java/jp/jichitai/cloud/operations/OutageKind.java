package jp.jichitai.cloud.operations;

/** Kind of service stop: an unplanned 障害 (incident) or a 計画停止 (planned maintenance) announced in advance. */
public enum OutageKind {

    INCIDENT("障害"),
    PLANNED_MAINTENANCE("計画停止");

    private final String japaneseName;

    OutageKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }
}
