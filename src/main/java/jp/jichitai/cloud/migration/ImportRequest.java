package jp.jichitai.cloud.migration;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * What to import: the tenant, the folder with the four standard files, whether an existing registry may be
 * replaced, and where rejected rows go ({@code rejects} null: any invalid row voids the whole import).
 *
 * @param actor         who runs the import, for the audit log
 * @param progressEvery a progress line after every this many rows of a file
 */
public record ImportRequest(TenantCode tenant, Path inputDirectory, boolean replace, Path rejects, String layoutVersion,
        String actor, int errorListLimit, long progressEvery, Consumer<String> progress) {

    public static final long DEFAULT_PROGRESS_EVERY = 100_000;

    public ImportRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(inputDirectory, "inputDirectory");
        layoutVersion = layoutVersion == null ? Layouts.DEFAULT_VERSION : layoutVersion;
        actor = actor == null || actor.isBlank() ? "cli" : actor;
        progressEvery = progressEvery <= 0 ? DEFAULT_PROGRESS_EVERY : progressEvery;
        progress = progress == null ? line -> { } : progress;
    }

    public static ImportRequest of(TenantCode tenant, Path inputDirectory) {
        return new ImportRequest(tenant, inputDirectory, false, null, Layouts.DEFAULT_VERSION, "cli",
                MigrationProblems.DEFAULT_LIST_LIMIT, DEFAULT_PROGRESS_EVERY, null);
    }

    public ImportRequest replacing() {
        return new ImportRequest(tenant, inputDirectory, true, rejects, layoutVersion, actor, errorListLimit,
                progressEvery, progress);
    }

    public ImportRequest withRejects(Path file) {
        return new ImportRequest(tenant, inputDirectory, replace, file, layoutVersion, actor, errorListLimit,
                progressEvery, progress);
    }
}
