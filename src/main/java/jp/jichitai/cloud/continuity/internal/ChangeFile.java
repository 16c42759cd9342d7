package jp.jichitai.cloud.continuity.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.jichitai.cloud.continuity.SchemaVersion;
import jp.jichitai.cloud.shared.TenantCode;

/**
 * オフライン変更ファイル: what an offline instance changed since its snapshot, table by table, each change with
 * the row as it was in the snapshot (so the centre can tell whether it changed meanwhile) and the row as it
 * is now. Encrypted like a vault file ({@link VaultCipher}); a ZIP with {@code changes.properties} first.
 */
public final class ChangeFile {

    public static final String FORMAT = "jc-offline-changes/1";
    private static final String HEADER_ENTRY = "changes.properties";
    private static final String TABLE_PREFIX = "tables/";
    /** Optional, so a file from a laptop without a snapshot key still reads under the same format. */
    private static final String NUMBER_KEY_ENTRY = "individual-number.key";

    public enum Kind {
        INSERT, UPDATE, DELETE
    }

    /** One changed row: {@code before} is null for an insert, {@code after} for a delete. */
    public record Change(Kind kind, byte[] before, byte[] after) {
    }

    public record TableChanges(String name, String selection, List<String> columns, List<String> keyColumns,
            List<Change> changes) {

        public TableChanges {
            columns = List.copyOf(columns);
            keyColumns = List.copyOf(keyColumns);
            changes = List.copyOf(changes);
        }
    }

    /**
     * {@code individualNumberKey}: the snapshot's own 個人番号 key the laptop ran with (null for a laptop prepared from
     * a snapshot without one), so that the centre can read the 個人番号 of people entered there.
     */
    public record Contents(TenantCode tenant, int snapshotNumber, Instant snapshotTakenAt, Instant exportedAt,
            SchemaVersion schemaVersion, List<TableChanges> tables, byte[] individualNumberKey) {

        public Contents {
            tables = List.copyOf(tables);
            individualNumberKey = individualNumberKey == null ? null : individualNumberKey.clone();
        }

        public int changeCount() {
            return tables.stream().mapToInt(table -> table.changes().size()).sum();
        }
    }

    private ChangeFile() {
    }

    public static void write(Contents contents, Path target, char[] passphrase) {
        Path temporary = null;
        try {
            Path directory = target.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".changes-", ".part");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                    ZipOutputStream zip = new ZipOutputStream(VaultCipher.encrypting(file, passphrase))) {
                zip.putNextEntry(new ZipEntry(HEADER_ENTRY));
                zip.write(header(contents).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                int number = 0;
                for (TableChanges table : contents.tables()) {
                    zip.putNextEntry(new ZipEntry(TABLE_PREFIX + String.format("%03d-", ++number) + table.name()));
                    DataOutputStream out = new DataOutputStream(zip);
                    for (Change change : table.changes()) {
                        out.writeByte(change.kind().ordinal());
                        writeRow(out, change.before());
                        writeRow(out, change.after());
                    }
                    out.flush();
                    zip.closeEntry();
                }
                if (contents.individualNumberKey() != null) {
                    zip.putNextEntry(new ZipEntry(NUMBER_KEY_ENTRY));
                    zip.write(contents.individualNumberKey());
                    zip.closeEntry();
                }
                zip.finish();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // ciphertext only
                }
            }
        }
    }

    /** Decrypts and reads a changes file, or refuses it with a message (never half-read). */
    public static Contents read(Path file, char[] passphrase) {
        byte[] encrypted;
        try {
            encrypted = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", file + ": " + e.getMessage());
        }
        byte[] archive = VaultCipher.decrypt(encrypted, passphrase);
        Properties header = null;
        Map<Integer, byte[]> entries = new LinkedHashMap<>();
        byte[] numberKey = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(HEADER_ENTRY)) {
                    header = new Properties();
                    header.load(new StringReader(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                } else if (entry.getName().startsWith(TABLE_PREFIX)) {
                    int number = Integer.parseInt(entry.getName().substring(TABLE_PREFIX.length(), TABLE_PREFIX.length() + 3));
                    entries.put(number, zip.readAllBytes());
                } else if (entry.getName().equals(NUMBER_KEY_ENTRY)) {
                    numberKey = zip.readAllBytes();
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException | IndexOutOfBoundsException damaged) {
            throw ContinuityMessages.refusal("E-CON-0003");
        } catch (IOException e) {
            throw ContinuityMessages.refusal("E-CON-0013", e.getMessage());
        }
        if (header == null || !FORMAT.equals(header.getProperty("format"))) {
            // e.g. a vault file or a snapshot given instead of the changes file
            throw ContinuityMessages.refusal("E-CON-0020", file.getFileName());
        }
        Map<Integer, List<Change>> changes = new LinkedHashMap<>();
        try {
            for (Map.Entry<Integer, byte[]> entry : entries.entrySet()) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry.getValue()));
                List<Change> rows = new ArrayList<>();
                while (in.available() > 0) {
                    Kind kind = Kind.values()[in.readUnsignedByte()];
                    rows.add(new Change(kind, readRow(in), readRow(in)));
                }
                changes.put(entry.getKey(), rows);
            }
        } catch (IOException | ArrayIndexOutOfBoundsException damaged) {
            throw ContinuityMessages.refusal("E-CON-0003");
        }
        try {
            int count = Integer.parseInt(header.getProperty("table.count"));
            List<TableChanges> tables = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                String prefix = "table." + number + ".";
                List<Change> rows = changes.getOrDefault(number, List.of());
                if (rows.size() != Integer.parseInt(header.getProperty(prefix + "changes"))) {
                    throw ContinuityMessages.refusal("E-CON-0003");
                }
                tables.add(new TableChanges(header.getProperty(prefix + "name"), header.getProperty(prefix + "selection"),
                        List.of(header.getProperty(prefix + "columns").split(",")),
                        List.of(header.getProperty(prefix + "key").split(",")), rows));
            }
            return new Contents(TenantCode.of(header.getProperty("tenant.code")),
                    Integer.parseInt(header.getProperty("snapshot.number")),
                    Instant.parse(header.getProperty("snapshot.taken-at")),
                    Instant.parse(header.getProperty("exported-at")),
                    SchemaVersion.of(header.getProperty("schema.version")), tables, numberKey);
        } catch (NullPointerException | IllegalArgumentException | java.time.format.DateTimeParseException malformed) {
            throw ContinuityMessages.refusal("E-CON-0020", file.getFileName());
        }
    }

    private static String header(Contents contents) {
        Properties header = new Properties();
        header.setProperty("format", FORMAT);
        header.setProperty("tenant.code", contents.tenant().value());
        header.setProperty("snapshot.number", Integer.toString(contents.snapshotNumber()));
        header.setProperty("snapshot.taken-at", contents.snapshotTakenAt().toString());
        header.setProperty("exported-at", contents.exportedAt().toString());
        header.setProperty("schema.version", contents.schemaVersion().text());
        header.setProperty("table.count", Integer.toString(contents.tables().size()));
        int number = 0;
        for (TableChanges table : contents.tables()) {
            String prefix = "table." + ++number + ".";
            header.setProperty(prefix + "name", table.name());
            header.setProperty(prefix + "selection", table.selection());
            header.setProperty(prefix + "columns", String.join(",", table.columns()));
            header.setProperty(prefix + "key", String.join(",", table.keyColumns()));
            header.setProperty(prefix + "changes", Integer.toString(table.changes().size()));
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            header.store(text, null);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return text.toString();
    }

    private static void writeRow(DataOutputStream out, byte[] row) throws IOException {
        if (row == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(row.length);
            out.write(row);
        }
    }

    private static byte[] readRow(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < -1) {
            throw new EOFException("negative length");
        }
        return length == -1 ? null : in.readNBytes(length);
    }
}
