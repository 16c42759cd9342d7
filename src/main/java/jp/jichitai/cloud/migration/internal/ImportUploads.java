package jp.jichitai.cloud.migration.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.jichitai.cloud.migration.ImportReport;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The files uploaded on the import screen, each upload in its own folder under
 * {@code <data>/migration-uploads/<団体コード>/<id>} and bound to the town and the administrator who uploaded it:
 * an id of another town or another user is as good as unknown.
 *
 * <p>Personal data must not linger: an upload that is never confirmed expires {@code jc.migration.upload-lifetime}
 * after it was made (default two hours). Expired uploads are forgotten and their folders deleted by a sweep that runs
 * every quarter of the lifetime (at most every minute) and before each look-up; an expired id answers as unknown at
 * once. On shutdown every pending upload is deleted; a folder left by a process that did not shut down cleanly is
 * deleted by the sweep (also at start-up) once it is older than the lifetime.
 */
@Component
class ImportUploads implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportUploads.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    @Autowired
    ImportUploads(@Value("${jc.data-dir}") Path dataDirectory,
            @Value("${jc.migration.upload-lifetime:PT2H}") Duration lifetime) {
        this(dataDirectory, lifetime, Clock.systemUTC(), true);
    }

    /** For tests: a clock of their own, and no background sweep when {@code sweepInBackground} is false. */
    ImportUploads(Path dataDirectory, Duration lifetime, Clock clock, boolean sweepInBackground) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("jc.migration.upload-lifetime must be positive: " + lifetime);
        }
        this.root = dataDirectory.resolve("migration-uploads");
        this.lifetime = lifetime;
        this.clock = clock;
        sweepAbandonedFolders();
        if (sweepInBackground) {
            long every = Math.max(Duration.ofMinutes(1).toMillis(), lifetime.toMillis() / 4);
            sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "migration-upload-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        } else {
            sweeper = null;
        }
    }

    /** One upload: its folder and, once checked, the validation's report. */
    static final class Upload {

        private final String id;
        private final TenantCode tenant;
        private final String user;
        private final Path directory;
        private final Instant expires;
        private volatile ImportReport report;

        private Upload(String id, TenantCode tenant, String user, Path directory, Instant expires) {
            this.id = id;
            this.tenant = tenant;
            this.user = user;
            this.directory = directory;
            this.expires = expires;
        }

        String id() {
            return id;
        }

        TenantCode tenant() {
            return tenant;
        }

        String user() {
            return user;
        }

        Path directory() {
            return directory;
        }

        Instant expires() {
            return expires;
        }

        ImportReport report() {
            return report;
        }

        void checked(ImportReport validation) {
            this.report = validation;
        }
    }

    Upload create(TenantCode tenant, String user) throws IOException {
        sweep();
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Path directory = Files.createDirectories(root.resolve(tenant.value()).resolve(id));
        Upload upload = new Upload(id, tenant, user, directory, clock.instant().plus(lifetime));
        uploads.put(id, upload);
        return upload;
    }

    /** The upload, if it exists, has not expired, was made in this town by this user and has been checked. */
    Optional<Upload> find(String id, TenantCode tenant, String user) {
        sweep();
        Upload upload = uploads.get(id);
        if (upload == null || !upload.tenant.equals(tenant) || !upload.user.equals(user) || upload.report == null) {
            return Optional.empty();
        }
        return Optional.of(upload);
    }

    /** The uploads still pending (for tests and the sweep). */
    int pending() {
        return uploads.size();
    }

    void remove(Upload upload) {
        uploads.remove(upload.id);
        deleteTree(upload.directory);
    }

    /** Forgets the expired uploads and deletes their folders; returns how many. */
    int sweep() {
        Instant now = clock.instant();
        List<Upload> expired = uploads.values().stream().filter(upload -> !now.isBefore(upload.expires)).toList();
        for (Upload upload : expired) {
            remove(upload);
        }
        return expired.size() + sweepAbandonedFolders();
    }

    /**
     * Deletes the upload folders this process does not know (left by a process that stopped without its shutdown)
     * once they are older than the lifetime; returns how many.
     */
    int sweepAbandonedFolders() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant oldest = clock.instant().minus(lifetime);
        int deleted = 0;
        try (Stream<Path> towns = Files.list(root)) {
            for (Path town : towns.filter(Files::isDirectory).toList()) {
                try (Stream<Path> folders = Files.list(town)) {
                    for (Path folder : folders.toList()) {
                        if (!uploads.containsKey(folder.getFileName().toString())
                                && Files.getLastModifiedTime(folder).toInstant().isBefore(oldest)) {
                            deleteTree(folder);
                            deleted++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            int swept = sweep();
            if (swept > 0) {
                LOG.info("deleted {} expired migration upload(s)", swept);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete expired migration uploads", e);
        }
    }

    /** On shutdown: no upload survives the process, so none is left on disk. */
    @Override
    public void destroy() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (Upload upload : List.copyOf(uploads.values())) {
            try {
                remove(upload);
            } catch (UncheckedIOException e) {
                LOG.warn("could not delete migration upload {}", upload.directory, e);
            }
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
