package jp.jichitai.cloud.continuity;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.jichitai.cloud.continuity.internal.ContinuityMessages;
import jp.jichitai.cloud.continuity.internal.ScratchDatabase;
import jp.jichitai.cloud.continuity.internal.VaultArchive;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * 復元訓練 (restore drill): restores a tenant's vault file — a fresh export of the source, or a file the
 * town keeps — into a scratch database created for the drill, compares every table's row count and
 * checksum with the file's manifest (the source as exported), records the result in the source database,
 * and drops the scratch database again.
 */
public final class RestoreDrill {

    private RestoreDrill() {
    }

    /** What the drill measured. {@code restore} covers decrypting, checking, inserting and comparing. */
    public record Report(TenantCode tenant, Duration export, Duration prepare, Duration restore, long rows,
            List<String> mismatchedTables, DrillResult result) {

        public int mismatches() {
            return mismatchedTables.size();
        }

        /** The last line of {@code ./jc drill restore}. */
        public String summaryLine() {
            return RestoreDrill.summaryLine(restore, rows, mismatches());
        }
    }

    /**
     * Runs the drill against the source database.
     *
     * @param file a vault file to restore instead of a fresh export, with its passphrase
     */
    public static Report run(Connection source, String sourceJdbcUrl, TenantCode tenant,
            Optional<Map.Entry<Path, Passphrase>> file) throws SQLException, IOException {
        Instant startedAt = Instant.now();
        Path temporary = null;
        Duration export = Duration.ZERO;
        try {
            Path vaultFile;
            Passphrase passphrase;
            if (file.isPresent()) {
                vaultFile = file.get().getKey();
                passphrase = file.get().getValue();
            } else {
                long started = System.nanoTime();
                temporary = Files.createTempDirectory("jc-drill-vault-");
                vaultFile = temporary.resolve(tenant.value() + ".jcvault");
                passphrase = Passphrase.forNewFile(oneTimePassphrase());
                TenantVault.export(source, tenant, vaultFile, passphrase);
                export = Duration.ofNanos(System.nanoTime() - started);
            }
            long preparing = System.nanoTime();
            try (ScratchDatabase scratch = ScratchDatabase.nextTo(sourceJdbcUrl);
                    Connection target = scratch.open()) {
                Duration prepare = Duration.ofNanos(System.nanoTime() - preparing);
                long restoring = System.nanoTime();
                VaultArchive.Opened opened = VaultArchive.open(vaultFile, passphraseCharacters(passphrase));
                if (!opened.manifest().tenant().equals(tenant)) {
                    throw ContinuityMessages.refusal("E-CON-0005", opened.manifest().tenant().value(), tenant.value());
                }
                VaultArchive.restore(target, opened, false);
                List<TableChecksum> restored = TenantVault.checksums(target, tenant);
                List<String> mismatched = compare(opened.manifest(), restored);
                Duration restore = Duration.ofNanos(System.nanoTime() - restoring);
                long rows = restored.stream().mapToLong(TableChecksum::rows).sum();
                DrillResult result = new DrillResult("restore-" + tenant.value() + "-" + startedAt.toEpochMilli(),
                        DrillKind.RESTORE, Optional.of(tenant), file.isPresent() ? "file" : "export", startedAt,
                        BigDecimal.valueOf(restore.toMillis()).movePointLeft(3).setScale(2, RoundingMode.HALF_UP),
                        rows, mismatched.size(), null, mismatched.isEmpty(), summaryLine(restore, rows, mismatched.size()));
                DrillResults.record(source, result);
                return new Report(tenant, export, prepare, restore, rows, mismatched, result);
            }
        } finally {
            if (temporary != null) {
                try (var files = Files.walk(temporary)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    static String summaryLine(Duration restore, long rows, int mismatches) {
        return String.format(Locale.ROOT, "restore: %.1f s, rows %d, mismatches %d", restore.toMillis() / 1000.0, rows,
                mismatches);
    }

    /** Tables whose rows differ from the manifest, and tables the file lacks that hold rows anyway. */
    static List<String> compare(VaultManifest manifest, List<TableChecksum> restored) {
        Map<String, TableChecksum> byTable = restored.stream()
                .collect(Collectors.toMap(TableChecksum::table, Function.identity()));
        List<String> mismatched = new ArrayList<>();
        for (VaultManifest.Table table : manifest.tables()) {
            if (!table.checksum().equals(byTable.remove(table.name()))) {
                mismatched.add(table.name());
            }
        }
        byTable.values().stream().filter(extra -> extra.rows() > 0).forEach(extra -> mismatched.add(extra.table()));
        return mismatched;
    }

    private static char[] oneTimePassphrase() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static char[] passphraseCharacters(Passphrase passphrase) {
        return passphrase.characters();
    }
}
