package jp.jichitai.cloud.migration.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.jichitai.cloud.migration.ImportReport;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * The files uploaded on the import screen, each upload in its own folder under
 * {@code <data>/migration-uploads/<団体コード>/<id>} and bound to the town and the administrator who uploaded it:
 * an id of another town or another user is as good as unknown. Kept in memory until imported (a restart forgets
 * them; the folders are then stale).
 */
@Component
class ImportUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    ImportUploads(@Value("${jc.data-dir}") Path dataDirectory) {
        this.root = dataDirectory.resolve("migration-uploads");
    }

    /** One upload: its folder and, once checked, the validation's report. */
    static final class Upload {

        private final String id;
        private final TenantCode tenant;
        private final String user;
        private final Path directory;
        private volatile ImportReport report;

        private Upload(String id, TenantCode tenant, String user, Path directory) {
            this.id = id;
            this.tenant = tenant;
            this.user = user;
            this.directory = directory;
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

        ImportReport report() {
            return report;
        }

        void checked(ImportReport validation) {
            this.report = validation;
        }
    }

    Upload create(TenantCode tenant, String user) throws IOException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Path directory = Files.createDirectories(root.resolve(tenant.value()).resolve(id));
        Upload upload = new Upload(id, tenant, user, directory);
        uploads.put(id, upload);
        return upload;
    }

    /** The upload, if it exists, was made in this town by this user and has been checked. */
    Optional<Upload> find(String id, TenantCode tenant, String user) {
        Upload upload = uploads.get(id);
        if (upload == null || !upload.tenant.equals(tenant) || !upload.user.equals(user) || upload.report == null) {
            return Optional.empty();
        }
        return Optional.of(upload);
    }

    void remove(Upload upload) {
        uploads.remove(upload.id);
        try (Stream<Path> files = Files.walk(upload.directory)) {
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
