package jp.jichitai.cloud.continuity;

import java.util.Locale;

/** 訓練の種類: restoring a tenant from its vault file, or losing the primary database node. */
public enum DrillKind {
    RESTORE("復元訓練"), FAILOVER("切替訓練");

    private final String japaneseName;

    DrillKind(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    public String japaneseName() {
        return japaneseName;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DrillKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
