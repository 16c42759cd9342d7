package jp.jichitai.cloud.migration;

import java.util.List;

import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * What an import did: the outcome, each file's reconciliation, the problems found (FILE:LINE:COLUMN), and the
 * rejects file's row count.
 */
public record ImportReport(TenantCode tenant, Outcome outcome, List<FileTally> files, MigrationProblems problems,
        long rowsReplaced, long rejectsWritten, String inputSha256) {

    public enum Outcome {
        /** The tenant's registry now holds the files' valid rows (committed). */
        IMPORTED,
        /** The same files were imported last time: nothing changed. */
        UNCHANGED,
        /** Errors voided the import: nothing was written. */
        INVALID,
        /** Validation only ({@link RegistryImport#validate}): every row passed, nothing was written. */
        VALID
    }

    public boolean committed() {
        return outcome == Outcome.IMPORTED;
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileTally::read).sum();
    }

    public long rowsImported() {
        return files.stream().mapToLong(FileTally::imported).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileTally::rejected).sum();
    }

    public long gaijiSeen() {
        return files.stream().mapToLong(file -> file.gaiji().total()).sum();
    }
}
