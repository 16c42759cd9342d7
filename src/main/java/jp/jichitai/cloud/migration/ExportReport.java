package jp.jichitai.cloud.migration;

import java.util.Map;

import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * What an export wrote: the lines of each file (by file name), or, when a value could not be written in CP932,
 * the problems and no file at all.
 */
public record ExportReport(TenantCode tenant, boolean written, Map<String, Long> linesByFile, MigrationProblems problems) {

    public long totalLines() {
        return linesByFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
