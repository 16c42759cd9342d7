package jp.jichitai.cloud.identity;

import java.util.Arrays;

/** The roles of the service. Each user has exactly one. */
public enum Role {
    /** 運用者: runs the service for all towns, sees no personal data. */
    OPERATOR("operator", "運用者"),
    /** 団体管理者: administers one town's users, settings and audit log. */
    TENANT_ADMIN("tenant-admin", "団体管理者"),
    /** 窓口職員: serves residents at the counter. */
    CLERK("clerk", "窓口職員"),
    /** 監査: reads, never changes. */
    AUDITOR("auditor", "監査");

    private final String code;
    private final String japaneseName;

    Role(String code, String japaneseName) {
        this.code = code;
        this.japaneseName = japaneseName;
    }

    public String code() {
        return code;
    }

    public String japaneseName() {
        return japaneseName;
    }

    /** The Spring Security authority, e.g. ROLE_TENANT_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role ofCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role: " + code));
    }
}
