package jp.jichitai.cloud.disaster.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.migrationformat.Cp932CsvReader;
import jp.jichitai.cloud.migrationformat.CsvRow;
import jp.jichitai.cloud.migrationformat.GaijiTally;
import jp.jichitai.cloud.migrationformat.Layout;
import jp.jichitai.cloud.migrationformat.Layouts;
import jp.jichitai.cloud.migrationformat.MigrationProblems;
import jp.jichitai.cloud.migrationformat.RowValidator;

/**
 * 被災者支援取込ファイル (victim support import file): the data setup tool's CP932 output, read with the same
 * layout and reporting decoder that wrote it. All or nothing: one invalid row refuses the whole file, so a
 * half-read file never replaces the town's population.
 */
public final class VictimImportFile {

    private static final Layout LAYOUT = Layouts.version(Layouts.DEFAULT_VERSION).layout("victim_support_import");

    /** The people of a valid file, or the problems of an invalid one. */
    public record Content(List<DirectoryPerson> people, MigrationProblems problems) {

        public boolean valid() {
            return !problems.hasErrors();
        }
    }

    private VictimImportFile() {
    }

    public static Content read(InputStream input, String fileName) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        MigrationProblems problems = new MigrationProblems();
        List<DirectoryPerson> people = new ArrayList<>();
        try (Cp932CsvReader reader = Cp932CsvReader.of(in, fileName, LAYOUT, startsWithHeader(in), problems,
                new GaijiTally())) {
            RowValidator validator = new RowValidator(LAYOUT, fileName, problems);
            CsvRow row;
            while ((row = reader.next()) != null) {
                if (row.isMalformed() || !validator.validate(row)) {
                    continue;
                }
                people.add(new DirectoryPerson(row.field(1), row.field(2), row.field(3), row.field(4), row.field(5),
                        row.field(6), row.field(7), row.field(8), row.field(9), row.field(10), row.field(11),
                        row.field(12), row.field(13), row.field(14), false));
            }
        }
        return new Content(people, problems);
    }

    /** The setup tool writes a header line (宛名番号,...); a file written by other tools may have none. */
    private static boolean startsWithHeader(BufferedInputStream in) throws IOException {
        in.mark(4);
        int first = in.read();
        in.reset();
        return first >= 0 && (first < '0' || first > '9');
    }
}
