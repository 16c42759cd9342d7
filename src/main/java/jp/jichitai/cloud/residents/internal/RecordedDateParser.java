package jp.jichitai.cloud.residents.internal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jichitai.cloud.residents.EraCalendar;
import jp.jichitai.cloud.residents.EraCalendar.Era;
import jp.jichitai.cloud.residents.RecordedDate;

/**
 * Reads the ways dates are written at the counter and in files. The input (not any stored text) is NFKC
 * normalised first, so full-width digits and the squared era signs (㍼, ㋿) are read too.
 */
public final class RecordedDateParser {

    private static final Pattern STANDARD_CSV = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
    private static final Pattern SEPARATED = Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})(?:\\2([0-9]{1,2}))?");
    private static final Pattern ABBREVIATED_ERA = Pattern.compile(
            "([A-Za-z])([0-9]{1,2}|元)(?:([-/.])([0-9]{1,2})(?:\\3([0-9]{1,2}))?)?");
    private static final Pattern WRITTEN = Pattern.compile(
            "(\\p{IsHan}+)?([0-9]{1,4}|元)年(?:([0-9]{1,2})月)?(?:([0-9]{1,2})日)?(月日不詳|日不詳|不詳)?");
    private static final Pattern ALL_UNKNOWN = Pattern.compile("(?:年月日)?不詳");

    private RecordedDateParser() {
    }

    public static RecordedDate parse(String text, EraCalendar calendar) {
        if (text == null || text.isBlank()) {
            throw ResidentMessages.refusal("E-RES-0001", text);
        }
        String input = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Matcher matcher;
        if (ALL_UNKNOWN.matcher(input).matches()) {
            return RecordedDate.unknown();
        }
        if ((matcher = STANDARD_CSV.matcher(input)).matches()) {
            return RecordedDate.fromStandardCsv(input);
        }
        if ((matcher = SEPARATED.matcher(input)).matches()) {
            return RecordedDate.of(number(matcher.group(1)), number(matcher.group(3)), number(matcher.group(4)));
        }
        if ((matcher = ABBREVIATED_ERA.matcher(input)).matches()) {
            Era era = calendar.byLetter(matcher.group(1).charAt(0))
                    .orElseThrow(() -> ResidentMessages.refusal("E-RES-0002", text));
            return RecordedDate.ofEra(era, eraYear(matcher.group(2)), number(matcher.group(4)), number(matcher.group(5)), calendar);
        }
        if ((matcher = WRITTEN.matcher(input)).matches()) {
            return written(matcher, text, calendar);
        }
        throw ResidentMessages.refusal("E-RES-0001", text);
    }

    private static RecordedDate written(Matcher matcher, String text, EraCalendar calendar) {
        String eraName = matcher.group(1);
        String yearText = matcher.group(2);
        String month = matcher.group(3);
        String day = matcher.group(4);
        String unknownMark = matcher.group(5);
        boolean consistent = unknownMark == null
                || (unknownMark.equals("月日不詳") && month == null && day == null)
                || (unknownMark.equals("日不詳") && month != null && day == null)
                || (unknownMark.equals("不詳") && day == null);
        if (!consistent || (month == null && day != null)) {
            throw ResidentMessages.refusal("E-RES-0001", text);
        }
        if (eraName == null || eraName.equals("西暦")) {
            if (yearText.length() != 4) {
                throw ResidentMessages.refusal("E-RES-0001", text);
            }
            return RecordedDate.of(number(yearText), number(month), number(day));
        }
        Optional<Era> era = calendar.byName(eraName);
        if (era.isEmpty()) {
            throw ResidentMessages.refusal("E-RES-0002", text);
        }
        return RecordedDate.ofEra(era.get(), eraYear(yearText), number(month), number(day), calendar);
    }

    private static int eraYear(String text) {
        return text.equals("元") ? 1 : number(text);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
