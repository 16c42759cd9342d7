package jp.jichitai.cloud.disaster.internal;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 避難者名簿ファイル (offline shelter roster): the file a shelter's PC with no connection works on, exported from
 * the service and imported back. One header line, then one evacuee per line:
 * {@code 避難者番号,宛名番号,氏名,フリガナ,生年月日,入所日時,退所日時}. 避難者番号 is the service's number of the stay
 * (blank for people entered on the offline PC); 生年月日 {@code YYYYMMDD} or blank; times {@code YYYY-MM-DD HH:MM}
 * in Japan time ({@code YYYY/M/D H:MM}, as Excel saves them, is read too); 退所日時 blank while the person stays.
 */
final class ShelterRosterFile {

    static final List<String> HEADER = List.of("避難者番号", "宛名番号", "氏名", "フリガナ", "生年月日", "入所日時", "退所日時");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Pattern TIME = Pattern.compile("([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})[ T]([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?");

    /** One evacuee line of the file. */
    record Row(long line, Long stayId, String atenaNumber, String name, String kana, String birthDate,
            OffsetDateTime enteredAt, OffsetDateTime leftAt) {
    }

    /**
     * The rows that parsed, and the problems that refuse the file (each naming line, column and field). Rows are
     * only ever written when there is no problem; they are returned anyway so that the service can add its own.
     */
    record Content(List<Row> rows, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private ShelterRosterFile() {
    }

    static CsvText.Encoded write(List<Shelters.Stay> stays, Charset charset) {
        CsvText.Writer writer = new CsvText.Writer();
        writer.row(HEADER.toArray());
        for (Shelters.Stay stay : stays) {
            writer.row(stay.id(), stay.atenaNumber(), stay.name(), stay.kana(), stay.birthDate(), time(stay.enteredAt()),
                    time(stay.leftAt()));
        }
        return writer.encode(charset);
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(Disasters.JAPAN).format(WRITTEN);
    }

    /** Reads a roster; nothing is returned as rows unless the whole file is valid. */
    static Content read(byte[] bytes, Charset charset) {
        List<CsvText.Line> lines = CsvText.parse(CsvText.decode(bytes, charset));
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).fields().stream().map(String::strip).toList().equals(HEADER)) {
            problems.add("1行目: 見出し行が避難者名簿の形式（" + String.join(",", HEADER) + "）ではありません。");
            return new Content(List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            if (line.fields().size() != HEADER.size()) {
                problems.add(line.number() + "行目: 項目の数が" + line.fields().size() + "です（" + HEADER.size() + "項目）。");
                continue;
            }
            List<String> f = line.fields().stream().map(String::strip).toList();
            int before = problems.size();
            Long stayId = null;
            if (!f.get(0).isEmpty()) {
                if (f.get(0).matches("[0-9]{1,18}")) {
                    stayId = Long.parseLong(f.get(0));
                } else {
                    problems.add(problem(line, 1, "避難者番号は数字です（新しく入所した方は空欄）。"));
                }
            }
            if (!f.get(1).isEmpty() && !f.get(1).matches("[0-9A-Z]{1,16}")) {
                problems.add(problem(line, 2, "宛名番号は16桁以内の英数字です。"));
            }
            if (f.get(2).isEmpty() || f.get(2).length() > 100) {
                problems.add(problem(line, 3, "氏名を入力してください（100文字以内）。"));
            }
            if (f.get(3).length() > 100) {
                problems.add(problem(line, 4, "フリガナは100文字以内です。"));
            }
            if (!f.get(4).isEmpty() && !f.get(4).matches("[0-9]{8}")) {
                problems.add(problem(line, 5, "生年月日は8桁の数字（例：19700505）です。"));
            }
            OffsetDateTime entered = parseTime(f.get(5));
            if (entered == null) {
                problems.add(problem(line, 6, "入所日時を YYYY-MM-DD HH:MM で入力してください。"));
            }
            OffsetDateTime left = null;
            if (!f.get(6).isEmpty()) {
                left = parseTime(f.get(6));
                if (left == null) {
                    problems.add(problem(line, 7, "退所日時は YYYY-MM-DD HH:MM です（入所中は空欄）。"));
                } else if (entered != null && left.isBefore(entered)) {
                    problems.add(problem(line, 7, "退所日時が入所日時より前です。"));
                }
            }
            if (problems.size() == before) {
                rows.add(new Row(line.number(), stayId, f.get(1), f.get(2), f.get(3), f.get(4), entered, left));
            }
        }
        return new Content(List.copyOf(rows), problems);
    }

    /** The line a problem names, for listing problems in file order. */
    static long lineOf(String problem) {
        int end = problem.indexOf('行');
        return end > 0 && problem.substring(0, end).matches("[0-9]+") ? Long.parseLong(problem.substring(0, end)) : 0;
    }

    static String problem(CsvText.Line line, int column, String text) {
        return line.number() + "行目 " + column + "列（" + HEADER.get(column - 1) + "）: " + text;
    }

    static String problem(Row row, int column, String text) {
        return row.line() + "行目 " + column + "列（" + HEADER.get(column - 1) + "）: " + text;
    }

    private static OffsetDateTime parseTime(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))).atZone(Disasters.JAPAN).toOffsetDateTime();
        } catch (DateTimeException invalid) {
            return null;
        }
    }
}
