package jp.jichitai.cloud.setuptool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import jp.jichitai.cloud.migrationformat.Cp932CsvReader;
import jp.jichitai.cloud.migrationformat.Cp932CsvWriter;
import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.migrationformat.RowValidator;
import jp.jichitai.cloud.migrationformat.Cp932Tables;
import jp.jichitai.cloud.setuptool.internal.KeyTracker;
import jp.jichitai.cloud.setuptool.internal.LongIntHashMap;
import jp.jichitai.cloud.setuptool.internal.ResidentProjection;
import jp.jichitai.cloud.shared.MessageId;

/**
 * データセットアップ (data setup): reads the four standard CSVs of a municipality (data_cyonei,
 * data_d0101, data_d0301, data_d0603), checks every row, and writes the victim support system's import
 * file: one row per current resident, ordered by household.
 *
 * <p>The output appears only when there is no error: it is written to a temporary file in the same
 * folder and renamed at the end, so a half-written or invalid import file never exists.
 *
 * <p>Memory: one pass over each file. The current state of every person is kept compactly (see
 * {@link ResidentProjection}); a million residents need about 250 MB. Income and legacy alien
 * registration rows keep only what the output needs per person.
 */
public final class DataSetup {

    /** How to run. {@code progress} receives progress lines for large files (may ignore them). */
    public record Options(Path inputDirectory, Path output, String layoutVersion, boolean skipHeader, GaijiMap gaiji,
            int errorListLimit, Consumer<String> progress) {

        public Options {
            Objects.requireNonNull(inputDirectory, "inputDirectory");
            Objects.requireNonNull(output, "output");
            layoutVersion = layoutVersion == null ? Layouts.DEFAULT_VERSION : layoutVersion;
            gaiji = gaiji == null ? GaijiMap.none() : gaiji;
            progress = progress == null ? line -> { } : progress;
        }

        public static Options of(Path inputDirectory, Path output) {
            return new Options(inputDirectory, output, Layouts.DEFAULT_VERSION, false, GaijiMap.none(),
                    MigrationProblems.DEFAULT_LIST_LIMIT, null);
        }
    }

    private static final MessageId MISSING = MessageId.of("E-MIG-0001");
    private static final MessageId UNREADABLE = MessageId.of("E-MIG-0002");
    private static final MessageId EMPTY = MessageId.of("E-MIG-0010");
    private static final MessageId UNKNOWN_DISTRICT = MessageId.of("E-MIG-0201");
    private static final MessageId DUPLICATE_KEY = MessageId.of("E-MIG-0202");
    private static final MessageId CANNOT_WRITE = MessageId.of("E-MIG-0303");
    private static final String SUPERSEDED = "I-MIG-0401";
    private static final String REMOVED = "I-MIG-0402";
    private static final String OLDER_TAX_YEAR = "I-MIG-0403";
    private static final String NOT_CURRENT = "I-MIG-0404";
    private static final String OLDER_REGISTRATION = "I-MIG-0405";
    private static final String UNREFERENCED_DISTRICT = "I-MIG-0406";
    private static final long PROGRESS_FROM_BYTES = 32L << 20;
    private static final int DISTRICT_IN_KEPT = 10;

    /** The kept fields of a legacy alien registration (data_d0301) that the import file may fall back on. */
    private record LegacyRegistration(String registrationDate, String nationality, String residenceStatus, String alias) {
    }

    private final Options options;
    private final MigrationProblems problems;
    private final Layout districtLayout;
    private final Layout residentLayout;
    private final Layout legacyLayout;
    private final Layout incomeLayout;
    private final Layout outputLayout;

    private final Map<String, String> districtNames = new HashMap<>();
    private boolean districtsKnown;
    private ResidentProjection residents = new ResidentProjection(1024);
    private final Map<Long, LegacyRegistration> legacyRegistrations = new HashMap<>();
    private final LongIntHashMap newestTaxYears = new LongIntHashMap(1024);

    private DataSetup(Options options) {
        this.options = options;
        this.problems = new MigrationProblems(options.errorListLimit());
        Layouts layouts = Layouts.versionOrDirectory(options.layoutVersion());
        districtLayout = layouts.layout("data_cyonei");
        residentLayout = layouts.layout("data_d0101");
        legacyLayout = layouts.layout("data_d0301");
        incomeLayout = layouts.layout("data_d0603");
        outputLayout = layouts.layout("victim_support_import");
    }

    public static SetupResult run(Options options) throws IOException {
        return new DataSetup(options).run();
    }

    private SetupResult run() throws IOException {
        FileReconciliation districts = new FileReconciliation(districtLayout.fileName());
        FileReconciliation residentRows = new FileReconciliation(residentLayout.fileName());
        FileReconciliation legacyRows = new FileReconciliation(legacyLayout.fileName());
        FileReconciliation incomeRows = new FileReconciliation(incomeLayout.fileName());
        List<FileReconciliation> inputs = List.of(districts, residentRows, legacyRows, incomeRows);
        List<Layout> layouts = List.of(districtLayout, residentLayout, legacyLayout, incomeLayout);
        for (int i = 0; i < layouts.size(); i++) {
            Path file = inputOf(layouts.get(i));
            if (!Files.isRegularFile(file)) {
                problems.report(layouts.get(i).fileName(), 0, 0, MISSING, file);
                inputs.get(i).markMissing();
            }
        }
        if (!districts.missing()) {
            readDistricts(districts);
        }
        if (!residentRows.missing()) {
            readResidents(residentRows);
        }
        if (!legacyRows.missing()) {
            readLegacyRegistrations(legacyRows);
        }
        if (!incomeRows.missing()) {
            readIncomes(incomeRows);
        }
        reconcileDistricts(districts);
        long written = 0;
        boolean outputWritten = false;
        if (!problems.hasErrors()) {
            written = writeOutput();
            outputWritten = !problems.hasErrors();
        }
        return new SetupResult(districtLayout.version(), inputs, options.output().getFileName().toString(), outputWritten ? written : 0,
                outputWritten, problems);
    }

    private Path inputOf(Layout layout) {
        return options.inputDirectory().resolve(layout.fileName());
    }

    /** What to do with a row that passed the column checks; false when it is rejected (reported already). */
    @FunctionalInterface
    private interface RowHandler {
        boolean handle(CsvRow row);
    }

    /** Reads, validates and hands on each row; returns the number of valid rows. */
    private long readFile(Layout layout, FileReconciliation reconciliation, RowHandler handler) throws IOException {
        Path file = inputOf(layout);
        long size = Files.size(file);
        long nextProgress = size >= PROGRESS_FROM_BYTES ? size / 10 : Long.MAX_VALUE;
        long valid = 0;
        KeyTracker keys = new KeyTracker(layout, (int) Math.min(size / 160, 1 << 24));
        RowValidator validator = new RowValidator(layout, layout.fileName(), problems);
        try (Cp932CsvReader reader = Cp932CsvReader.open(file, layout, options.skipHeader(), problems, reconciliation.gaiji())) {
            CsvRow row;
            while ((row = reader.next()) != null) {
                reconciliation.countRead();
                problems.mark();
                boolean accepted = !row.isMalformed() && validator.validate(row) && isNewKey(keys, layout, row) && handler.handle(row);
                if (accepted) {
                    valid++;
                } else {
                    MessageId reason = row.isMalformed() ? row.problem() : problems.firstErrorSinceMark();
                    reconciliation.reject(reason.value(), 1);
                }
                if (reader.bytesConsumed() >= nextProgress) {
                    options.progress().accept(layout.fileName() + ": " + (reader.bytesConsumed() * 100 / size) + "% ("
                            + reconciliation.read() + " 行)");
                    nextProgress += size / 10;
                }
            }
            if (reader.headerSkipped()) {
                reconciliation.markHeaderSkipped();
            }
            if (reconciliation.read() == 0 && !reader.isRefused() && !layout.mayBeEmpty()) {
                problems.report(layout.fileName(), 0, 0, EMPTY, layout.fileName());
            }
        } catch (IOException e) {
            problems.report(layout.fileName(), 0, 0, UNREADABLE, file + " (" + e.getMessage() + ")");
        }
        return valid;
    }

    private boolean isNewKey(KeyTracker keys, Layout layout, CsvRow row) {
        if (keys.add(row)) {
            return true;
        }
        problems.report(layout.fileName(), row.lineNumber(), layout.keyColumns().get(0).number(), DUPLICATE_KEY, keys.describe(row));
        return false;
    }

    private void readDistricts(FileReconciliation reconciliation) throws IOException {
        readFile(districtLayout, reconciliation, row -> {
            districtNames.put(row.field(1), row.field(2));
            return true;
        });
        districtsKnown = true;
    }

    private void readResidents(FileReconciliation reconciliation) throws IOException {
        Path file = inputOf(residentLayout);
        residents = new ResidentProjection((int) Math.min(Files.size(file) / 400, 1 << 24));
        int districtColumn = residentLayout.column("行政区コード").number();
        long valid = readFile(residentLayout, reconciliation, row -> {
            if (districtsKnown && !districtNames.containsKey(row.field(districtColumn))) {
                problems.report(residentLayout.fileName(), row.lineNumber(), districtColumn, UNKNOWN_DISTRICT,
                        residentLayout.column(districtColumn).name(), row.field(districtColumn), districtLayout.fileName());
                return false;
            }
            residents.accept(row);
            return true;
        });
        int current = 0;
        for (int slot = 0; slot < residents.persons(); slot++) {
            if (residents.isCurrentResident(slot)) {
                current++;
            }
        }
        reconciliation.countUsed(current);
        reconciliation.reject(SUPERSEDED, valid - residents.persons());
        reconciliation.reject(REMOVED, residents.persons() - current);
    }

    private void readLegacyRegistrations(FileReconciliation reconciliation) throws IOException {
        long valid = readFile(legacyLayout, reconciliation, row -> {
            LegacyRegistration registration = new LegacyRegistration(row.field(3), row.field(8), row.field(15), row.field(21));
            legacyRegistrations.merge(row.fieldAsLong(1), registration,
                    (older, newer) -> newer.registrationDate().compareTo(older.registrationDate()) > 0 ? newer : older);
            return true;
        });
        long used = legacyRegistrations.keySet().stream().filter(residents::isCurrentResident).count();
        reconciliation.countUsed(used);
        reconciliation.reject(OLDER_REGISTRATION, valid - legacyRegistrations.size());
        reconciliation.reject(NOT_CURRENT, legacyRegistrations.size() - used);
    }

    private void readIncomes(FileReconciliation reconciliation) throws IOException {
        long[] chosenOfCurrent = new long[1];
        long valid = readFile(incomeLayout, reconciliation, row -> {
            long addressNumber = row.fieldAsLong(1);
            int year = (int) row.fieldAsLong(2);
            int taxClass = row.chars()[row.fieldStart(8)] - '0';
            int known = newestTaxYears.get(addressNumber, -1);
            if (known < 0 || known / 10 < year) {
                newestTaxYears.put(addressNumber, year * 10 + taxClass, -1);
                if (known < 0 && residents.isCurrentResident(addressNumber)) {
                    chosenOfCurrent[0]++;
                }
            }
            return true;
        });
        reconciliation.countUsed(chosenOfCurrent[0]);
        reconciliation.reject(OLDER_TAX_YEAR, valid - newestTaxYears.size());
        reconciliation.reject(NOT_CURRENT, newestTaxYears.size() - chosenOfCurrent[0]);
    }

    private void reconcileDistricts(FileReconciliation reconciliation) {
        if (!districtsKnown) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        byte[] code = new byte[32];
        for (int slot = 0; slot < residents.persons(); slot++) {
            if (residents.isCurrentResident(slot)) {
                referenced.add(keptField(slot, DISTRICT_IN_KEPT, code));
            }
        }
        referenced.retainAll(districtNames.keySet());
        reconciliation.countUsed(referenced.size());
        reconciliation.reject(UNREFERENCED_DISTRICT, districtNames.size() - referenced.size());
    }

    /** An ASCII field of a resident's kept bytes. */
    private String keptField(int slot, int index, byte[] scratch) {
        byte[] chunk = residents.keptChunk(slot);
        int at = residents.keptOffset(slot);
        int end = at + residents.keptLength(slot);
        for (int field = 0; field < index; at++) {
            if (chunk[at] == ',') {
                field++;
            }
        }
        int length = 0;
        while (at < end && chunk[at] != ',') {
            scratch[length++] = chunk[at++];
        }
        return new String(scratch, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long writeOutput() throws IOException {
        Path output = options.output().toAbsolutePath();
        Path folder = output.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + output.getFileName(), ".tmp");
        String outputName = output.getFileName().toString();
        long written = 0;
        try {
            try (OutputStream stream = Files.newOutputStream(temporary);
                    Cp932CsvWriter writer = new Cp932CsvWriter(stream, outputName, outputLayout, options.gaiji(), problems)) {
                writer.writeHeader();
                written = writeResidents(writer);
            }
            if (!problems.hasErrors()) {
                try {
                    Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            problems.report(outputName, 0, 0, CANNOT_WRITE, output + " (" + e.getMessage() + ")");
        } finally {
            Files.deleteIfExists(temporary);
        }
        return written;
    }

    private long writeResidents(Cp932CsvWriter writer) throws IOException {
        int[] order = residents.currentResidentsInImportOrder();
        String[] kept = new String[ResidentProjection.KEPT_COLUMNS.length];
        String[] fields = new String[outputLayout.columnCount()];
        String japanese = residentLayout.column("住民種別").labelOf("1");
        String foreign = residentLayout.column("住民種別").labelOf("2");
        var sexColumn = residentLayout.column("性別");
        long written = 0;
        int householdEnd = 0;
        int householdSize = 0;
        for (int i = 0; i < order.length; i++) {
            int slot = order[i];
            if (i == householdEnd) {
                householdEnd = i + 1;
                while (householdEnd < order.length && residents.householdNumber(order[householdEnd]) == residents.householdNumber(slot)) {
                    householdEnd++;
                }
                householdSize = householdEnd - i;
            }
            splitKept(slot, kept);
            long addressNumber = residents.addressNumber(slot);
            LegacyRegistration legacy = legacyRegistrations.get(addressNumber);
            int tax = newestTaxYears.get(addressNumber, -1);
            fields[0] = kept[0];
            fields[1] = kept[1];
            fields[2] = kept[2].isEmpty() ? kept[15] : joinName(kept[2], kept[3]);
            fields[3] = joinName(kept[4], kept[5]);
            fields[4] = kept[6];
            fields[5] = sexColumn.labelOf(kept[7]);
            fields[6] = kept[8];
            fields[7] = kept[9];
            fields[8] = kept[13];
            fields[9] = kept[10];
            fields[10] = districtNames.getOrDefault(kept[10], "");
            fields[11] = kept[11];
            fields[12] = kept[12];
            fields[13] = residents.isForeign(slot) ? foreign : japanese;
            fields[14] = orLegacy(kept[14], legacy == null ? null : legacy.nationality());
            fields[15] = orLegacy(kept[16], legacy == null ? null : legacy.alias());
            fields[16] = orLegacy(kept[17], legacy == null ? null : legacy.residenceStatus());
            fields[17] = Integer.toString(householdSize);
            fields[18] = tax < 0 ? "" : Integer.toString(tax % 10);
            fields[19] = tax < 0 ? "" : Integer.toString(tax / 10);
            if (writer.writeRow(fields, kept[0])) {
                written++;
            }
        }
        return written;
    }

    /** 氏 and 名 joined by one full-width space; either alone when the other is empty. */
    static String joinName(String family, String given) {
        if (given.isEmpty()) {
            return family;
        }
        return family.isEmpty() ? given : family + "\u3000" + given;
    }

    private static String orLegacy(String current, String legacy) {
        return !current.isEmpty() || legacy == null ? current : legacy;
    }

    private char[] keptChars = new char[512];

    private void splitKept(int slot, String[] kept) {
        int length = residents.keptLength(slot);
        if (keptChars.length < length) {
            keptChars = new char[length * 2];
        }
        int chars = Cp932Tables.decodeValid(residents.keptChunk(slot), residents.keptOffset(slot), length, keptChars);
        if (chars < 0) {
            throw new IllegalStateException("kept bytes of a validated row do not decode");
        }
        int field = 0;
        int start = 0;
        for (int i = 0; i <= chars; i++) {
            if (i == chars || keptChars[i] == ',') {
                kept[field++] = new String(keptChars, start, i - start);
                start = i + 1;
            }
        }
    }
}
