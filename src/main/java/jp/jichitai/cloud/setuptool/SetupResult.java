package jp.jichitai.cloud.setuptool;

import java.util.List;
import jp.jichitai.cloud.migrationformat.MigrationProblems;

/**
 * What a data setup run did: the reconciliation of each input file, the rows written (0 when there were
 * errors: then no output file exists) and every problem found. With a rejects file ({@code --rejects}),
 * the invalid rows were written there ({@code rowsInRejectsFile}, with {@code errorsOfRejectedRows} errors
 * between them) and do not stop the output; {@code rejectsFileName} is null without one.
 */
public record SetupResult(String layoutVersion, List<FileReconciliation> inputs, String outputFileName,
        long rowsWritten, boolean outputWritten, MigrationProblems problems, String rejectsFileName, long rowsInRejectsFile,
        long errorsOfRejectedRows) {

    public boolean succeeded() {
        return outputWritten && problems.errorCount() == errorsOfRejectedRows;
    }
}
