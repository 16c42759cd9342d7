package jp.jichitai.cloud.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.migration.ImportReport;
import jp.jichitai.cloud.shared.TenantCode;

/** Uploads that are never confirmed do not linger: they expire, and none survives a shutdown. */
class ImportUploadsTests {

    private static final TenantCode TOWN = TenantCode.of("012211");
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    @TempDir
    Path data;

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        Instant now = Instant.parse("2026-12-05T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ImportUploads.Upload uploadWithAFile(ImportUploads uploads, String user) throws Exception {
        ImportUploads.Upload upload = uploads.create(TOWN, user);
        Files.writeString(upload.directory().resolve("data_d0101.csv"), "1,2,3\r\n");
        upload.checked(checkedReport());
        return upload;
    }

    private static ImportReport checkedReport() {
        return new ImportReport(TOWN, ImportReport.Outcome.VALID, java.util.List.of(),
                new jp.jichitai.cloud.migrationformat.MigrationProblems(), 0, 0, "");
    }

    @Test
    void anUnconfirmedUploadExpiresAfterItsLifetimeInMemoryAndOnDisk() throws Exception {
        MovableClock clock = new MovableClock();
        ImportUploads uploads = new ImportUploads(data, LIFETIME, clock, false);
        ImportUploads.Upload upload = uploadWithAFile(uploads, "admin");

        clock.now = clock.now.plus(LIFETIME).minusSeconds(1);
        assertThat(uploads.find(upload.id(), TOWN, "admin")).containsSame(upload);
        assertThat(upload.directory().resolve("data_d0101.csv")).exists();

        clock.now = clock.now.plusSeconds(1);
        assertThat(uploads.find(upload.id(), TOWN, "admin")).as("expired: as good as unknown").isEmpty();
        assertThat(upload.directory()).doesNotExist();
        assertThat(uploads.pending()).isZero();
    }

    @Test
    void theSweepRemovesOnlyExpiredUploads() throws Exception {
        MovableClock clock = new MovableClock();
        ImportUploads uploads = new ImportUploads(data, LIFETIME, clock, false);
        ImportUploads.Upload old = uploadWithAFile(uploads, "admin");
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        ImportUploads.Upload recent = uploadWithAFile(uploads, "admin");

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(uploads.sweep()).isEqualTo(1);

        assertThat(old.directory()).doesNotExist();
        assertThat(recent.directory().resolve("data_d0101.csv")).exists();
        assertThat(uploads.find(recent.id(), TOWN, "admin")).containsSame(recent);
    }

    @Test
    void shutdownDeletesEveryPendingUpload() throws Exception {
        ImportUploads uploads = new ImportUploads(data, LIFETIME, new MovableClock(), false);
        ImportUploads.Upload first = uploadWithAFile(uploads, "admin");
        ImportUploads.Upload second = uploadWithAFile(uploads, "other");

        uploads.destroy();

        assertThat(first.directory()).doesNotExist();
        assertThat(second.directory()).doesNotExist();
        assertThat(uploads.pending()).isZero();
    }

    @Test
    void foldersLeftByAnUncleanStopAreDeletedOnceOlderThanTheLifetime() throws Exception {
        MovableClock clock = new MovableClock();
        Path stale = Files.createDirectories(data.resolve("migration-uploads").resolve(TOWN.value()).resolve("0123abcd"));
        Files.writeString(stale.resolve("data_d0101.csv"), "1,2,3\r\n");
        Path fresh = Files.createDirectories(data.resolve("migration-uploads").resolve(TOWN.value()).resolve("4567ef01"));
        Files.setLastModifiedTime(stale, FileTime.from(clock.now.minus(LIFETIME).minusSeconds(1)));
        Files.setLastModifiedTime(fresh, FileTime.from(clock.now.minusSeconds(60)));

        ImportUploads uploads = new ImportUploads(data, LIFETIME, clock, false);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        clock.now = clock.now.plus(LIFETIME);
        assertThat(uploads.sweep()).isEqualTo(1);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void aLifetimeMustBePositive() {
        assertThatThrownBy(() -> new ImportUploads(data, Duration.ZERO, new MovableClock(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jc.migration.upload-lifetime");
    }
}
