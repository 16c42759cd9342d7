package jp.jichitai.cloud.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongConsumer;
import jp.jichitai.cloud.migrationformat.Cp932CsvWriter;
import jp.jichitai.cloud.migrationformat.GaijiMap;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;

/**
 * Writes a synthetic population as the four standard migration CSVs (data_cyonei, data_d0101,
 * data_d0301, data_d0603) in CP932, streaming household by household.
 */
public final class SyntheticDataset {

    /** The NEC-selected codes that real files hold next to the IBM ones the encoder writes. */
    public static final Map<Character, byte[]> NEC_SELECTED_CODES = Map.of(
            '髙', new byte[] {(byte) 0xEE, (byte) 0xE0},
            '﨑', new byte[] {(byte) 0xED, (byte) 0x95});

    /** What was written. */
    public record Counts(long households, long persons, long currentResidents, long residentRows, long legacyRows, long incomeRows) {
    }

    private SyntheticDataset() {
    }

    public static Counts write(SyntheticRegistry registry, long residents, Path folder) throws IOException {
        return write(registry, residents, folder, count -> { });
    }

    /** Writes the files; {@code progress} hears the number of current residents written so far, now and then. */
    public static Counts write(SyntheticRegistry registry, long residents, Path folder, LongConsumer progress) throws IOException {
        Files.createDirectories(folder);
        Layouts layouts = Layouts.version(Layouts.DEFAULT_VERSION);
        MigrationProblems problems = new MigrationProblems();
        long households = 0;
        long persons = 0;
        long current = 0;
        long nextProgress = 100_000;
        try (Cp932CsvWriter districts = writer(folder, layouts.layout("data_cyonei"), problems);
                Cp932CsvWriter residentRows = writer(folder, layouts.layout("data_d0101"), problems);
                Cp932CsvWriter legacyRows = writer(folder, layouts.layout("data_d0301"), problems);
                Cp932CsvWriter incomeRows = writer(folder, layouts.layout("data_d0603"), problems)) {
            for (District district : registry.districts()) {
                districts.writeRow(new String[] {district.code(), district.name()}, district.code());
            }
            Iterator<SyntheticHousehold> iterator = registry.households(residents);
            while (iterator.hasNext()) {
                SyntheticHousehold household = iterator.next();
                households++;
                for (SyntheticPerson person : household.members()) {
                    persons++;
                    Map<Character, byte[]> codes = person.alternativeCodes() ? NEC_SELECTED_CODES : Map.of();
                    for (SyntheticRow row : person.history()) {
                        residentRows.writeRow(row.values(), person.addressNumber(), codes);
                    }
                    for (SyntheticRow row : person.legacyRegistrations()) {
                        legacyRows.writeRow(row.values(), person.addressNumber());
                    }
                    for (SyntheticRow row : person.incomes()) {
                        incomeRows.writeRow(row.values(), person.addressNumber());
                    }
                }
                current += household.currentResidents();
                if (current >= nextProgress) {
                    progress.accept(current);
                    nextProgress += 100_000;
                }
            }
            if (problems.hasErrors()) {
                throw new IllegalStateException("the generator made rows CP932 cannot hold: " + problems.errorLines());
            }
            return new Counts(households, persons, current, residentRows.linesWritten(), legacyRows.linesWritten(), incomeRows.linesWritten());
        }
    }

    private static Cp932CsvWriter writer(Path folder, Layout layout, MigrationProblems problems) throws IOException {
        return new Cp932CsvWriter(Files.newOutputStream(folder.resolve(layout.fileName())), layout.fileName(), layout, GaijiMap.none(), problems);
    }
}
