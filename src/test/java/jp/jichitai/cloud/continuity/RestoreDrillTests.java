package jp.jichitai.cloud.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.shared.TenantCode;

class RestoreDrillTests {

    private static final VaultManifest MANIFEST = new VaultManifest(TenantCode.of("012211"), "名寄市",
            SchemaVersion.of("41"), Instant.parse("2026-01-01T00:00:00Z"), List.of(
                    new VaultManifest.Table("tenant", "register", List.of("code"), 1, "aa"),
                    new VaultManifest.Table("district", "tenant_id", List.of("tenant_id"), 3, "bb")));

    @Test
    void identicalTablesAreNoMismatch() {
        assertThat(RestoreDrill.compare(MANIFEST, List.of(new TableChecksum("tenant", 1, "aa"),
                new TableChecksum("district", 3, "bb"), new TableChecksum("newer_table", 0, "ee")))).isEmpty();
    }

    @Test
    void aDifferentChecksumAMissingTableAndRowsTheFileLacksAreMismatches() {
        assertThat(RestoreDrill.compare(MANIFEST, List.of(new TableChecksum("tenant", 1, "ab"),
                new TableChecksum("newer_table", 2, "ff")))).containsExactly("tenant", "district", "newer_table");
    }

    @Test
    void theLastLineHasTheAgreedForm() {
        assertThat(RestoreDrill.summaryLine(Duration.ofMillis(12_345), 30_000, 0))
                .isEqualTo("restore: 12.3 s, rows 30000, mismatches 0");
    }
}
