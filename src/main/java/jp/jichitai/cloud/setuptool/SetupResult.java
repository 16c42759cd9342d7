package jp.jichitai.cloud.setuptool;

import java.util.List;
import jp.jichitai.cloud.migrationformat.MigrationProblems;

/**
 * What a data setup run did: the reconciliation of each input file, the rows written (0 when there were
 * errors: then no output file exists) and every problem found.
 */
public record SetupResult(String layoutVersion, List<FileReconciliation> inputs, String outputFileName,
        long rowsWritten, boolean outputWritten, MigrationProblems problems) {

    public boolean succeeded() {
        return outputWritten && !problems.hasErrors();
    }
}
