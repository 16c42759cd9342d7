package jp.jichitai.cloud.setuptool;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import jp.jichitai.cloud.migrationformat.Cp932CsvReader;
import jp.jichitai.cloud.migrationformat.Cp932CsvWriter;
import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.GaijiTally;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.migrationformat.RejectionReason;
import jp.jichitai.cloud.migrationformat.RejectsWriter;
import jp.jichitai.cloud.migrationformat.RowValidator;
import jp.jichitai.cloud.migrationformat.Cp932Tables;
import jp.jichitai.cloud.setuptool.internal.DistrictNames;
import jp.jichitai.cloud.migrationformat.KeyTracker;
import jp.jichitai.cloud.setuptool.internal.LongIntHashMap;
import jp.jichitai.cloud.setuptool.internal.OrderedSlices;
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
            int errorListLimit, Consumer<String> progress, Path rejects) {

        /** Options without a rejects file: any invalid row is an error and no output is written. */
        public Options(Path inputDirectory, Path output, String layoutVersion, boolean skipHeader, GaijiMap gaiji,
                int errorListLimit, Consumer<String> progress) {
            this(inputDirectory, output, layoutVersion, skipHeader, gaiji, errorListLimit, progress, null);
        }

        public Options {
            Objects.requireNonNull(inputDirectory, "inputDirectory");
            Objects.requireNonNull(output, "output");
            layoutVersion = layoutVersion == null ? Layouts.DEFAULT_VERSION : layoutVersion;
            gaiji = gaiji == null ? GaijiMap.none() : gaiji;
            progress = progress == null ? line -> { } : progress;
        }

        public static Options of(Path inputDirectory, Path output) {
            return new Options(inputDirectory, output, Layouts.DEFAULT_VERSION, false, GaijiMap.none(),
                    MigrationProblems.DEFAULT_LIST_LIMIT, null, null);
        }

        /** The same options with a rejects file: invalid rows go there and the valid rows are used. */
        public Options withRejects(Path file) {
            return new Options(inputDirectory, output, layoutVersion, skipHeader, gaiji, errorListLimit, progress, file);
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
    /**
     * From this many current residents the import file is written by two threads (see {@link #writeInSlices});
     * the system property {@code jc.setup.write-in-two-from} changes it (tests set 1 to use two on small files).
     */
    static final String WRITE_IN_TWO_FROM = "jc.setup.write-in-two-from";
    /** About how many rows the two threads writing the import file make at a time (tests set 1 to cut small files). */
    static final String WRITE_SLICE_ROWS = "jc.setup.write-slice-rows";
    /**
     * From this size in bytes (16 MB) data_d0101 is read in two parts by two threads (see {@link #readResidentsInTwoParts});
     * the system property {@code jc.setup.read-in-two-from} changes it (tests set 1 to split small files; a size larger
     * than the file reads it in one pass).
     */
    static final String READ_IN_TWO_FROM = "jc.setup.read-in-two-from";
    private static final MessageId GAIJI_SEEN = MessageId.of("W-MIG-0002");

    /** The kept fields of a legacy alien registration (data_d0301) that the import file may fall back on. */
    private record LegacyRegistration(long addressNumber, String registrationDate, String nationality, String residenceStatus,
            String alias) {
    }

    private final Options options;
    private final MigrationProblems problems;
    private final Layout districtLayout;
    private final Layout residentLayout;
    private final Layout legacyLayout;
    private final Layout incomeLayout;
    private final Layout outputLayout;

    private final DistrictNames districtNames = new DistrictNames();
    private boolean districtsKnown;
    private ResidentProjection residents = new ResidentProjection(1024);
    /** The newest legacy registration of each person, found by 宛名番号 through {@link #legacyIndexes}. */
    private final List<LegacyRegistration> legacyRegistrations = new ArrayList<>();
    private final LongIntHashMap legacyIndexes = new LongIntHashMap(1024);
    private LongIntHashMap newestTaxYears = new LongIntHashMap(1024);
    private RejectsWriter rejects;
    /** Errors reported about rows that went to the rejects file: they do not stop the output. */
    private long errorsOfRejectedRows;

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

    /**
     * Starts a thread that loads and initialises what every run needs — the built-in layouts, the validators' plans,
     * the CP932 tables, the reader and the writer — on a tiny row in memory, so that the command line's parsing (a
     * quarter of a second of class loading and reflection in picocli) and this happen side by side on two cores
     * instead of one after the other. It reads no file and reports nothing; whatever it throws is ignored, the run
     * itself meeting the same problem again.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                prepare();
            } catch (Exception | LinkageError ignored) {
                // Only a head start: the run loads the same things itself and reports what goes wrong.
            }
        }, "setup-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** What {@link #prepareInBackground} does; true when the row in memory was read and found valid. */
    static boolean prepare() throws IOException {
        Layouts layouts = Layouts.version(Layouts.DEFAULT_VERSION);
        MigrationProblems ignored = new MigrationProblems(1);
        for (String name : List.of("data_d0101", "data_d0301", "data_d0603")) {
            new RowValidator(layouts.layout(name), name, ignored);
        }
        Layout districts = layouts.layout("data_cyonei");
        RowValidator validator = new RowValidator(districts, districts.fileName(), ignored);
        byte[] row = "012345,町\r\n".getBytes(Cp932CsvReader.CP932);
        boolean valid = false;
        try (Cp932CsvReader reader = Cp932CsvReader.of(new java.io.ByteArrayInputStream(row), districts.fileName(), districts,
                false, ignored, new GaijiTally())) {
            for (CsvRow read; (read = reader.next()) != null; ) {
                valid = !read.isMalformed() && validator.validate(read);
            }
        }
        Layout output = layouts.layout("victim_support_import");
        new Cp932CsvWriter(OutputStream.nullOutputStream(), output.fileName(), output, GaijiMap.none(), ignored).writeHeader();
        return valid && ignored.errorCount() == 0;
    }

    public static SetupResult run(Options options) throws IOException {
        return new DataSetup(options).run();
    }

    private SetupResult run() throws IOException {
        if (options.rejects() == null) {
            return runAll();
        }
        try (RejectsWriter writer = RejectsWriter.create(options.rejects())) {
            rejects = writer;
            return runAll();
        }
    }

    /** Whether an error stops the output: any error, unless it is about a row written to the rejects file. */
    private boolean hasStoppingErrors() {
        return problems.errorCount() > errorsOfRejectedRows;
    }

    private SetupResult runAll() throws IOException {
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
        if (rejects == null) {
            // data_d0301 and data_d0603 do not depend on data_d0101 while they are read: a second thread reads them
            // beside it (the machine's second core), with problems of its own that follow data_d0101's afterwards,
            // so errors are listed in the same order as when the files are read one after the other.
            // A large data_d0101 is read in two parts: the second thread reads the later part first, then
            // data_d0301 and data_d0603, so that both threads have about as many bytes to read.
            MigrationProblems laterProblems = new MigrationProblems(options.errorListLimit());
            ResidentPart laterPart = residentRows.missing() ? null : laterResidentPart(legacyRows, incomeRows);
            FutureTask<Void> later = new FutureTask<>(() -> {
                if (laterPart != null) {
                    laterPart.read();
                }
                readLegacyAndIncomes(legacyRows, incomeRows, laterProblems);
                return null;
            });
            Thread thread = new Thread(later, "setup-d0301-d0603");
            thread.setDaemon(true);
            thread.start();
            ResidentPart firstPart = null;
            if (laterPart != null) {
                options.progress().accept(residentLayout.fileName() + ": " + laterPart.from + " バイト目からは別のスレッドで読みます");
                firstPart = new ResidentPart(0, laterPart.from, residentRows);
                firstPart.read();
            } else if (!residentRows.missing()) {
                readResidents(residentRows);
            }
            await(later, "reading data_d0301 and data_d0603");
            if (laterPart != null) {
                readResidentsInTwoParts(residentRows, firstPart, laterPart);
            }
            problems.addAll(laterProblems);
        } else {
            // With a rejects file the rows are rejected in file order into one file: one thread.
            if (!residentRows.missing()) {
                readResidents(residentRows);
            }
            readLegacyAndIncomes(legacyRows, incomeRows, problems);
        }
        countUsedLegacyAndIncomes(legacyRows, incomeRows);
        long written = 0;
        boolean outputWritten = false;
        if (!hasStoppingErrors()) {
            written = writeOutput();
            outputWritten = !hasStoppingErrors();
        }
        // After the output: writing it marks the districts its rows refer to, which saves a pass over the residents.
        reconcileDistricts(districts);
        return new SetupResult(districtLayout.version(), inputs, options.output().getFileName().toString(), outputWritten ? written : 0,
                outputWritten, problems, rejects == null ? null : options.rejects().getFileName().toString(),
                rejects == null ? 0 : rejects.rowsWritten(), errorsOfRejectedRows);
    }

    private void readLegacyAndIncomes(FileReconciliation legacyRows, FileReconciliation incomeRows, MigrationProblems found)
            throws IOException {
        if (!legacyRows.missing()) {
            readLegacyRegistrations(legacyRows, found);
        }
        if (!incomeRows.missing()) {
            readIncomes(incomeRows, found);
        }
    }

    /** The task's result, or what it threw, as it threw it; {@code what} names the work for an interruption. */
    private static <T> T await(FutureTask<T> task, String what) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
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
        return readFile(layout, reconciliation, handler, problems);
    }

    /** Reads one file, reporting to {@code problems} (the files read by the second thread have their own). */
    private long readFile(Layout layout, FileReconciliation reconciliation, RowHandler handler, MigrationProblems problems)
            throws IOException {
        Path file = inputOf(layout);
        return readFile(layout, reconciliation, handler, problems, 0, Files.size(file), new KeyTracker(layout, estimatedRows(file)));
    }

    /**
     * Reads the bytes {@code from..to} of a file (a part of it: {@code from} at a line's start, {@code to} after a line
     * end or at the end of the file); lines are numbered from the part's start. Only the part at the file's start
     * may skip a header and reports progress (as the share of its own part read).
     */
    private long readFile(Layout layout, FileReconciliation reconciliation, RowHandler handler, MigrationProblems problems,
            long from, long to, KeyTracker keys) throws IOException {
        Path file = inputOf(layout);
        long size = to - from;
        long nextProgress = size >= PROGRESS_FROM_BYTES && from == 0 ? size / 10 : Long.MAX_VALUE;
        long valid = 0;
        RowValidator validator = new RowValidator(layout, layout.fileName(), problems);
        boolean whole = from == 0 && to == Files.size(file);
        try (Cp932CsvReader reader = whole ? Cp932CsvReader.open(file, layout, options.skipHeader(), problems, reconciliation.gaiji())
                : Cp932CsvReader.of(partOf(file, from, to), layout.fileName(), layout, from == 0 && options.skipHeader(), problems,
                        reconciliation.gaiji())) {
            CsvRow row;
            // Marked before the reader runs, so that the errors it finds in a line count as the row's.
            problems.mark();
            while ((row = reader.next()) != null) {
                reconciliation.countRead();
                boolean accepted = !row.isMalformed() && validator.validate(row) && isNewKey(keys, layout, row, problems)
                        && handler.handle(row);
                if (accepted) {
                    valid++;
                } else {
                    MessageId reason = row.isMalformed() ? row.problem() : problems.firstErrorSinceMark();
                    reconciliation.reject(reason.value(), 1);
                    if (rejects != null) {
                        List<RejectionReason> reasons = problems.errorsSinceMark();
                        rejects.reject(layout.fileName(), row, reasons);
                        errorsOfRejectedRows += reasons.size();
                    }
                }
                if (reader.bytesConsumed() >= nextProgress) {
                    options.progress().accept(layout.fileName() + ": " + (reader.bytesConsumed() * 100 / size) + "% ("
                            + reconciliation.read() + " 行)");
                    nextProgress += size / 10;
                }
                problems.mark();
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

    /**
     * The number of lines in a file, estimated from the length of the lines in its first 64 KB, so that the
     * tables for a million rows are allocated once at their size instead of growing by copies.
     */
    private static int estimatedRows(Path file) throws IOException {
        long size = Files.size(file);
        byte[] start = new byte[1 << 16];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        }
        int lines = 0;
        for (int i = 0; i < read; i++) {
            lines += start[i] == '\n' ? 1 : 0;
        }
        long estimate = lines == 0 ? 16 : size * lines / read + size * lines / read / 20 + 16;
        return (int) Math.min(estimate, 1 << 24);
    }

    private static boolean isNewKey(KeyTracker keys, Layout layout, CsvRow row, MigrationProblems problems) {
        if (keys.add(row)) {
            return true;
        }
        problems.report(layout.fileName(), row.lineNumber(), layout.keyColumns().get(0).number(), DUPLICATE_KEY, keys.describe(row));
        return false;
    }

    private void readDistricts(FileReconciliation reconciliation) throws IOException {
        readFile(districtLayout, reconciliation, row -> {
            districtNames.put(row.byteBuffer(), row.fieldByteStart(1), row.fieldByteEnd(1), row.field(2));
            return true;
        });
        districtsKnown = true;
    }

    private void readResidents(FileReconciliation reconciliation) throws IOException {
        Path file = inputOf(residentLayout);
        residents = new ResidentProjection(estimatedRows(file));
        long valid = readFile(residentLayout, reconciliation, residentHandler(residents, problems));
        reconcileResidents(reconciliation, valid);
    }

    /** Checks a valid data_d0101 row's district and takes it into {@code projection}. */
    private RowHandler residentHandler(ResidentProjection projection, MigrationProblems found) {
        int districtColumn = residentLayout.column("行政区コード").number();
        return row -> {
            if (districtsKnown && districtNames.indexOf(row.byteBuffer(), row.fieldByteStart(districtColumn), row.fieldByteEnd(districtColumn)) < 0) {
                found.report(residentLayout.fileName(), row.lineNumber(), districtColumn, UNKNOWN_DISTRICT,
                        residentLayout.column(districtColumn).name(), row.field(districtColumn), districtLayout.fileName());
                return false;
            }
            projection.accept(row);
            return true;
        };
    }

    /**
     * One part of data_d0101 read on its own: its rows, problems, 外字 and keys, with lines numbered from the part's
     * start. Read by {@link #read}, which keeps what it throws instead of throwing it.
     */
    private final class ResidentPart {
        final long from;
        final long to;
        final FileReconciliation reconciliation;
        final MigrationProblems found;
        ResidentProjection projection;
        KeyTracker keys;
        long valid;
        Exception failure;

        ResidentPart(long from, long to, FileReconciliation reconciliation) throws IOException {
            this.from = from;
            this.to = to;
            this.reconciliation = reconciliation;
            // The later part's first occurrences of a 外字 may turn out not to be the file's first (see
            // readResidentsInTwoParts): it lists as many more warnings as there are 外字 code points.
            this.found = new MigrationProblems(from == 0 ? options.errorListLimit()
                    : options.errorListLimit() + GaijiTally.LAST - GaijiTally.FIRST + 1);
            if (from == 0) {
                allocate();
            }
        }

        /** The part's tables, sized from the file's line length; the later part's are made by its own thread. */
        private void allocate() throws IOException {
            Path file = inputOf(residentLayout);
            int all = estimatedRows(file);
            int rows = (int) Math.min(all, all * (to - from) / Math.max(1, Files.size(file)) + 16);
            // The earlier part's projection takes in the later one's: sized for the whole file.
            this.projection = new ResidentProjection(from == 0 ? all : rows);
            this.keys = new KeyTracker(residentLayout, rows);
        }

        void read() {
            try {
                if (projection == null) {
                    allocate();
                }
                valid = readFile(residentLayout, reconciliation, residentHandler(projection, found), found, from, to, keys);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        /** Whether the part can be taken as read: nothing thrown, no error (a rejected row always has one). */
        boolean clean() {
            return failure == null && found.errorCount() == 0;
        }

        /** Lines in the part: a row per line (a line without one is an error) and a skipped header. */
        long lines() {
            return reconciliation.read() + (reconciliation.headerSkipped() ? 1 : 0);
        }
    }

    /**
     * The later part of data_d0101 for the second thread, or null when the file is read whole by this one: from
     * {@code jc.setup.read-in-two-from} bytes (16 MB) with packed keys, cut after a line end so that the second thread,
     * which also reads data_d0301 and data_d0603, has about as much to do as this one (at least a tenth of data_d0101,
     * at most three quarters).
     */
    private ResidentPart laterResidentPart(FileReconciliation legacyRows, FileReconciliation incomeRows) throws IOException {
        Path file = inputOf(residentLayout);
        long size = Files.size(file);
        if (size < Long.getLong(READ_IN_TWO_FROM, 16L << 20) || !new KeyTracker(residentLayout, 16).isPacked()) {
            return null;
        }
        long others = (legacyRows.missing() ? 0 : Files.size(inputOf(legacyLayout)))
                + (incomeRows.missing() ? 0 : Files.size(inputOf(incomeLayout)));
        // A byte of data_d0301/d0603 costs about 1.2 times one of data_d0101 (thread CPU time of the 1M set on a quiet
        // machine, 2026-12-06: d0603 5.1 ms a MB, d0101 4.4–4.5): the two threads end together when the second takes
        // half of data_d0101 less 0.6 of the others' bytes (29 % of data_d0101 for the 1M set).
        double share = Math.max(0.1, Math.min(0.75, 0.5 - 0.6 * others / size));
        long target = size - (long) (size * share);
        long cut = -1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer window = java.nio.ByteBuffer.allocate(1 << 16);
            for (long at = Math.max(0, target - 1); cut < 0 && at < size; at += window.capacity()) {
                window.clear();
                int read = channel.read(window, at);
                for (int i = 0; i < read; i++) {
                    if (window.get(i) == '\n') {
                        cut = at + i + 1;
                        break;
                    }
                }
                if (read <= 0) {
                    break;
                }
            }
        }
        return cut <= 0 || cut >= size ? null : new ResidentPart(cut, size, new FileReconciliation(residentLayout.fileName()));
    }

    /**
     * Puts together data_d0101 read in two parts: when neither part has an error (every row valid, no file-level
     * problem) and no key occurs in both, the result is what one pass would give — the later part's lines shifted by
     * the earlier part's, a 外字 warning of the later part dropped when the earlier part had seen that 外字 already,
     * the projections joined. Otherwise (errors are rare and their order and line numbers must be exact) the file is
     * read again, whole, by this thread.
     */
    private void readResidentsInTwoParts(FileReconciliation reconciliation, ResidentPart first, ResidentPart later) throws IOException {
        if (!first.clean() || !later.clean() || later.keys.sharesKeyWith(first.keys)) {
            first.projection = null;
            later.projection = null;
            reconciliation.forgetReading();
            readResidents(reconciliation);
            return;
        }
        first.keys = null;
        later.keys = null;
        long lineOffset = first.lines();
        GaijiTally seenFirst = reconciliation.gaiji();
        int[] laterGaiji = later.reconciliation.gaiji().codePointsInOrderSeen();
        long dropped = java.util.Arrays.stream(laterGaiji).filter(seenFirst::contains).count();
        problems.addAll(first.found);
        problems.addAllShifted(later.found, lineOffset, GAIJI_SEEN, nth -> nth < laterGaiji.length && seenFirst.contains(laterGaiji[nth]),
                dropped);
        reconciliation.addReadOfLaterPart(later.reconciliation, lineOffset);
        residents = first.projection;
        residents.absorb(later.projection);
        later.projection = null;
        reconcileResidents(reconciliation, first.valid + later.valid);
    }

    /** The bytes {@code from..to} of a file as a stream. */
    private static InputStream partOf(Path file, long from, long to) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(from);
        return new FilterInputStream(Channels.newInputStream(channel)) {
            private long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (left <= 0) {
                    return length == 0 ? 0 : -1;
                }
                int read = super.read(bytes, offset, (int) Math.min(length, left));
                left -= Math.max(read, 0);
                return read;
            }
        };
    }

    /** Counts what of data_d0101 is used: the current residents; the other rows are older history or removed. */
    private void reconcileResidents(FileReconciliation reconciliation, long valid) {
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

    private long validLegacyRows;
    /** The districts the written rows refer to, once every current resident has been written; else null. */
    private boolean[] referencedByOutput;
    private long validIncomeRows;

    private void readLegacyRegistrations(FileReconciliation reconciliation, MigrationProblems found) throws IOException {
        validLegacyRows = readFile(legacyLayout, reconciliation, row -> {
            long addressNumber = row.fieldAsLong(1);
            LegacyRegistration registration = new LegacyRegistration(addressNumber, row.field(3), row.field(8), row.field(15), row.field(21));
            int index = legacyIndexes.get(addressNumber, -1);
            if (index < 0) {
                legacyIndexes.put(addressNumber, legacyRegistrations.size(), -1);
                legacyRegistrations.add(registration);
            } else if (registration.registrationDate().compareTo(legacyRegistrations.get(index).registrationDate()) > 0) {
                legacyRegistrations.set(index, registration);
            }
            return true;
        }, found);
    }

    /** What of data_d0301 and data_d0603 is used: the rows of current residents, known once data_d0101 is read. */
    private void countUsedLegacyAndIncomes(FileReconciliation legacyRows, FileReconciliation incomeRows) {
        if (!legacyRows.missing()) {
            long used = legacyRegistrations.stream().mapToLong(LegacyRegistration::addressNumber).filter(residents::isCurrentResident).count();
            legacyRows.countUsed(used);
            legacyRows.reject(OLDER_REGISTRATION, validLegacyRows - legacyRegistrations.size());
            legacyRows.reject(NOT_CURRENT, legacyRegistrations.size() - used);
        }
        if (!incomeRows.missing()) {
            long chosenOfCurrent = newestTaxYears.countKeys(residents::isCurrentResident);
            incomeRows.countUsed(chosenOfCurrent);
            incomeRows.reject(OLDER_TAX_YEAR, validIncomeRows - newestTaxYears.size());
            incomeRows.reject(NOT_CURRENT, newestTaxYears.size() - chosenOfCurrent);
        }
    }

    private void readIncomes(FileReconciliation reconciliation, MigrationProblems found) throws IOException {
        // Sized like the persons of data_d0101 (which may still be being read): at most one entry per person.
        Path residentFile = inputOf(residentLayout);
        newestTaxYears = new LongIntHashMap(Files.isRegularFile(residentFile) ? estimatedRows(residentFile) : 1024);
        validIncomeRows = readFile(incomeLayout, reconciliation, row -> {
            long addressNumber = row.fieldAsLong(1);
            int year = (int) row.fieldAsLong(2);
            int taxClass = row.byteBuffer()[row.fieldByteStart(8)] - '0';
            int known = newestTaxYears.get(addressNumber, -1);
            if (known < 0 || known / 10 < year) {
                newestTaxYears.put(addressNumber, year * 10 + taxClass, -1);
            }
            return true;
        }, found);
    }

    private void reconcileDistricts(FileReconciliation reconciliation) {
        if (!districtsKnown) {
            return;
        }
        boolean[] referenced = referencedByOutput != null ? referencedByOutput : referencedDistricts();
        int used = 0;
        for (boolean districtReferenced : referenced) {
            used += districtReferenced ? 1 : 0;
        }
        reconciliation.countUsed(used);
        reconciliation.reject(UNREFERENCED_DISTRICT, districtNames.size() - used);
    }

    /** The districts some current resident refers to, by a pass over the residents (when no output was written). */
    private boolean[] referencedDistricts() {
        boolean[] referenced = new boolean[districtNames.size()];
        int[] starts = new int[ResidentProjection.KEPT_COLUMNS.length + 1];
        for (int slot = 0; slot < residents.persons(); slot++) {
            if (residents.isCurrentResident(slot)) {
                residents.splitKept(slot, starts);
                int index = districtNames.indexOf(residents.keptChunk(slot), starts[DISTRICT_IN_KEPT], starts[DISTRICT_IN_KEPT + 1] - 1);
                if (index >= 0) {
                    referenced[index] = true;
                }
            }
        }
        return referenced;
    }

    private long writeOutput() throws IOException {
        Path output = options.output().toAbsolutePath();
        Path folder = output.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + output.getFileName(), ".tmp");
        String outputName = output.getFileName().toString();
        long written = 0;
        try {
            int[] order = residents.currentResidentsInImportOrder();
            Long inTwo = order.length >= Math.max(2, Integer.getInteger(WRITE_IN_TWO_FROM, 50_000)) ? writeInSlices(order, temporary, outputName) : null;
            if (inTwo != null) {
                written = inTwo;
            } else {
                boolean[] referenced = new boolean[districtNames.size()];
                try (OutputStream stream = Files.newOutputStream(temporary);
                        Cp932CsvWriter writer = new Cp932CsvWriter(stream, outputName, outputLayout, options.gaiji(), problems)) {
                    writer.writeHeader();
                    written = writeResidents(writer, order, 0, order.length, referenced);
                }
                // Every current resident passed: the districts referred to are known without another pass.
                referencedByOutput = referenced;
            }
            if (!hasStoppingErrors()) {
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

    /**
     * Writes one row per current resident, in import order. The fields the import file copies from
     * data_d0101 go from the kept CP932 bytes straight to the writer (which re-encodes them character by
     * character, applying the 外字 map), so no String is built per field.
     */
    /**
     * Writes the import file with two threads: the rows are cut into slices of about {@code jc.setup.write-slice-rows}
     * rows (4096; each cut at a household's end), which this thread and another make in turns, each into a buffer of
     * its own, and {@link OrderedSlices} puts into the file in order. Each thread reports to problems of its own; if
     * either found any problem (a character CP932 cannot hold, a separator in a field), the result is thrown away and
     * null returned, and the file is written again by one thread, so the problems are reported with the same output
     * line numbers as always.
     */
    private Long writeInSlices(int[] order, Path temporary, String outputName) throws IOException {
        int[] cuts = householdCuts(order, Math.max(1, Integer.getInteger(WRITE_SLICE_ROWS, 4096)));
        AtomicInteger nextSlice = new AtomicInteger();
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OrderedSlices output = new OrderedSlices(file, cuts.length - 1);
            SliceWriter other = new SliceWriter(order, cuts, nextSlice, output, outputName);
            FutureTask<Void> second = new FutureTask<>(() -> {
                other.write();
                return null;
            });
            Thread thread = new Thread(second, "setup-write-slices");
            thread.setDaemon(true);
            thread.start();
            SliceWriter mine = new SliceWriter(order, cuts, nextSlice, output, outputName);
            try {
                mine.write();
            } catch (OrderedSlices.AbandonedException abandoned) {
                // The other thread gave up first: what made it give up is the problem to report.
                await(second, "writing slices of the import file");
                throw abandoned;
            } finally {
                // The file is closed below: the other thread must be done with it, whatever happened here.
                try {
                    second.get();
                } catch (ExecutionException | InterruptedException ignored) {
                    // reported by await below when this thread succeeded
                }
            }
            await(second, "writing slices of the import file");
            if (mine.found.errorCount() + mine.found.warningCount() + other.found.errorCount() + other.found.warningCount() > 0) {
                return null;
            }
            if (!output.allWritten()) {
                throw new IllegalStateException("slices of the import file were not all written");
            }
            for (int i = 0; i < mine.referenced.length; i++) {
                mine.referenced[i] |= other.referenced[i];
            }
            referencedByOutput = mine.referenced;
            return mine.written + other.written;
        }
    }

    /** Where the slices of about {@code rows} rows start: 0, each cut moved on to a household's end, and the end. */
    private int[] householdCuts(int[] order, int rows) {
        int[] cuts = new int[order.length / rows + 2];
        int count = 0;
        cuts[count++] = 0;
        for (int at = rows; at < order.length; at += rows) {
            while (at < order.length && residents.householdNumber(order[at]) == residents.householdNumber(order[at - 1])) {
                at++;
            }
            if (at < order.length) {
                cuts[count++] = at;
            }
        }
        cuts[count++] = order.length;
        return java.util.Arrays.copyOf(cuts, count);
    }

    /** One of the threads making slices of the import file: takes the next slice until none is left. */
    private final class SliceWriter {
        final MigrationProblems found = new MigrationProblems(options.errorListLimit());
        final boolean[] referenced = new boolean[districtNames.size()];
        long written;
        private final int[] order;
        private final int[] cuts;
        private final AtomicInteger nextSlice;
        private final OrderedSlices output;
        private final String outputName;
        private OrderedSlices.Buffer current;

        SliceWriter(int[] order, int[] cuts, AtomicInteger nextSlice, OrderedSlices output, String outputName) {
            this.order = order;
            this.cuts = cuts;
            this.nextSlice = nextSlice;
            this.output = output;
            this.outputName = outputName;
        }

        void write() throws IOException {
            // Two buffers: while one waits for its turn to be written, the next slice is made in the other.
            OrderedSlices.Buffer[] buffers = {new OrderedSlices.Buffer(1 << 19), new OrderedSlices.Buffer(1 << 19)};
            int[] lastSliceIn = {-1, -1};
            OutputStream toCurrent = new OutputStream() {
                @Override
                public void write(int b) {
                    current.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    current.write(bytes, offset, length);
                }
            };
            try {
                Cp932CsvWriter writer = new Cp932CsvWriter(toCurrent, outputName, outputLayout, options.gaiji(), found);
                int made = 0;
                for (int slice; (slice = nextSlice.getAndIncrement()) < cuts.length - 1; made++) {
                    int which = made % 2;
                    if (lastSliceIn[which] >= 0) {
                        output.awaitWritten(lastSliceIn[which]);
                    }
                    current = buffers[which];
                    current.reset();
                    if (slice == 0) {
                        writer.writeHeader();
                    }
                    written += writeResidents(writer, order, cuts[slice], cuts[slice + 1], referenced);
                    writer.flush();
                    lastSliceIn[which] = slice;
                    output.complete(slice, current);
                }
            } catch (IOException | RuntimeException | Error e) {
                // No slice after this thread's unfinished one can be written: the other thread must not wait for it.
                output.fail();
                throw e;
            }
        }
    }

    /** Writes the rows {@code order[from..to)} ({@code to} at a household's end), marking the districts they refer to. */
    private long writeResidents(Cp932CsvWriter writer, int[] order, int from, int to, boolean[] referenced) throws IOException {
        int[] kept = new int[ResidentProjection.KEPT_COLUMNS.length + 1];
        String japanese = residentLayout.column("住民種別").labelOf("1");
        String foreign = residentLayout.column("住民種別").labelOf("2");
        var sexColumn = residentLayout.column("性別");
        String[] sexValues = sexColumn.allowedValues().keySet().toArray(String[]::new);
        long written = 0;
        int householdEnd = from;
        int householdSize = 0;
        for (int i = from; i < to; i++) {
            int slot = order[i];
            if (i == householdEnd) {
                householdEnd = i + 1;
                while (householdEnd < to && residents.householdNumber(order[householdEnd]) == residents.householdNumber(slot)) {
                    householdEnd++;
                }
                householdSize = householdEnd - i;
            }
            residents.splitKept(slot, kept);
            byte[] bytes = residents.keptChunk(slot);
            long addressNumber = residents.addressNumber(slot);
            int legacyIndex = legacyIndexes.get(addressNumber, -1);
            LegacyRegistration legacy = legacyIndex < 0 ? null : legacyRegistrations.get(legacyIndex);
            int tax = newestTaxYears.get(addressNumber, -1);
            writer.beginRow();
            keptField(writer, bytes, kept, 0);
            keptField(writer, bytes, kept, 1);
            if (isEmpty(kept, 2)) {
                keptField(writer, bytes, kept, 15);
            } else {
                joinedName(writer, bytes, kept, 2, 3);
            }
            joinedName(writer, bytes, kept, 4, 5);
            keptField(writer, bytes, kept, 6);
            writer.text(label(sexColumn, sexValues, bytes, kept, 7));
            keptField(writer, bytes, kept, 8);
            keptField(writer, bytes, kept, 9);
            keptField(writer, bytes, kept, 13);
            keptField(writer, bytes, kept, 10);
            int district = districtNames.indexOf(bytes, kept[DISTRICT_IN_KEPT], kept[DISTRICT_IN_KEPT + 1] - 1);
            if (district >= 0) {
                referenced[district] = true;
            }
            writer.text(district < 0 ? "" : districtNames.name(district));
            keptField(writer, bytes, kept, 11);
            keptField(writer, bytes, kept, 12);
            writer.text(residents.isForeign(slot) ? foreign : japanese);
            keptOrLegacy(writer, bytes, kept, 14, legacy == null ? null : legacy.nationality());
            keptOrLegacy(writer, bytes, kept, 16, legacy == null ? null : legacy.alias());
            keptOrLegacy(writer, bytes, kept, 17, legacy == null ? null : legacy.residenceStatus());
            writer.number(householdSize);
            if (tax < 0) {
                writer.text("");
                writer.text("");
            } else {
                writer.number(tax % 10);
                writer.number(tax / 10);
            }
            if (writer.endRow(() -> keptText(bytes, kept, 0))) {
                written++;
            }
        }
        return written;
    }

    private static boolean isEmpty(int[] kept, int field) {
        return kept[field + 1] - 1 == kept[field];
    }

    private static void keptField(Cp932CsvWriter writer, byte[] bytes, int[] kept, int field) {
        writer.cp932(bytes, kept[field], kept[field + 1] - 1);
    }

    /** 氏 and 名 joined by one full-width space; either alone when the other is empty. */
    private static void joinedName(Cp932CsvWriter writer, byte[] bytes, int[] kept, int family, int given) {
        if (isEmpty(kept, given) || isEmpty(kept, family)) {
            keptField(writer, bytes, kept, isEmpty(kept, given) ? family : given);
            return;
        }
        keptField(writer, bytes, kept, family);
        writer.appendText("\u3000");
        writer.appendCp932(bytes, kept[given], kept[given + 1] - 1);
    }

    private static void keptOrLegacy(Cp932CsvWriter writer, byte[] bytes, int[] kept, int field, String legacy) {
        if (!isEmpty(kept, field) || legacy == null) {
            keptField(writer, bytes, kept, field);
        } else {
            writer.text(legacy);
        }
    }

    /** The label of a code field, as {@link jp.jichitai.cloud.migrationformat.Column#labelOf} gives it. */
    private static String label(jp.jichitai.cloud.migrationformat.Column column, String[] values, byte[] bytes, int[] kept, int field) {
        for (String value : values) {
            if (Cp932Tables.decodesTo(bytes, kept[field], kept[field + 1] - 1, value)) {
                return column.labelOf(value);
            }
        }
        return column.labelOf(keptText(bytes, kept, field));
    }

    private static String keptText(byte[] bytes, int[] kept, int field) {
        int start = kept[field];
        char[] chars = new char[kept[field + 1] - 1 - start];
        int length = Cp932Tables.decodeValid(bytes, start, chars.length, chars);
        if (length < 0) {
            throw new IllegalStateException("kept bytes of a validated row do not decode");
        }
        return new String(chars, 0, length);
    }
}
