package jp.jichitai.cloud.migrationformat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.jichitai.cloud.migrationformat.internal.ByteVerdicts;
import jp.jichitai.cloud.migrationformat.internal.LayoutRules;
import jp.jichitai.cloud.migrationformat.internal.RecordedDates;
import jp.jichitai.cloud.migrationformat.internal.Relationships;
import jp.jichitai.cloud.shared.MessageId;

/**
 * Checks each field of a row against its layout column: required, length in characters, type, allowed
 * values, named checks; then the layout version's rules between columns. Cross-file checks (district
 * codes, duplicate keys) need the other files and belong to the caller.
 */
public final class RowValidator {

    private static final MessageId REQUIRED = MessageId.of("E-MIG-0101");
    private static final MessageId TOO_LONG = MessageId.of("E-MIG-0102");
    private static final MessageId NOT_DIGITS = MessageId.of("E-MIG-0103");
    private static final MessageId NOT_ALLOWED = MessageId.of("E-MIG-0104");
    private static final MessageId BAD_DATE = MessageId.of("E-MIG-0105");
    private static final MessageId NOT_FLAG = MessageId.of("E-MIG-0106");
    private static final MessageId NOT_KANA = MessageId.of("E-MIG-0107");
    private static final MessageId NOT_ALNUM = MessageId.of("E-MIG-0108");
    private static final MessageId NOT_ALPHABET = MessageId.of("E-MIG-0109");
    private static final MessageId BAD_INDIVIDUAL_NUMBER = MessageId.of("E-MIG-0110");
    private static final MessageId BAD_RELATIONSHIP = MessageId.of("E-MIG-0111");
    private static final MessageId CONTROL_CHARACTER = MessageId.of("E-MIG-0112");
    private static final MessageId NOT_ON_CALENDAR = MessageId.of("W-MIG-0001");

    private final Layout layout;
    private final String fileName;
    private final MigrationProblems problems;
    private final Column[] columns;
    private final String[] allowedText;
    private final String[][] allowedValues;
    /** The allowed values as bytes when all of them are ASCII (then a byte comparison decides), else null. */
    private final byte[][][] asciiAllowedValues;
    private final List<LayoutRules.ConditionalRequirement> rules;
    private final List<int[]> ruleColumns = new ArrayList<>();
    private final List<Integer> ruleConditionColumns = new ArrayList<>();
    private final ByteVerdicts relationships = new ByteVerdicts(Relationships::isValid);

    public RowValidator(Layout layout, String fileName, MigrationProblems problems) {
        this.layout = layout;
        this.fileName = fileName;
        this.problems = problems;
        this.columns = layout.columns().toArray(Column[]::new);
        this.allowedText = new String[columns.length];
        this.allowedValues = new String[columns.length][];
        this.asciiAllowedValues = new byte[columns.length][][];
        for (int i = 0; i < columns.length; i++) {
            allowedText[i] = String.join(", ", columns[i].allowedValues().keySet());
            allowedValues[i] = columns[i].hasAllowedValues() ? columns[i].allowedValues().keySet().toArray(String[]::new) : null;
            if (allowedValues[i] != null && java.util.Arrays.stream(allowedValues[i]).allMatch(RowValidator::isAscii)) {
                asciiAllowedValues[i] = java.util.Arrays.stream(allowedValues[i])
                        .map(value -> value.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);
            }
        }
        this.rules = LayoutRules.of(layout.version(), layout.name());
        for (LayoutRules.ConditionalRequirement rule : rules) {
            ruleColumns.add(rule.anyOfColumns().stream().mapToInt(name -> layout.column(name).number()).toArray());
            ruleConditionColumns.add(layout.column(rule.conditionColumn()).number());
        }
        int count = columns.length;
        plan = new int[count];
        planAllowedByte = new boolean[count][];
        planAllowedBytes = new byte[count][][];
        for (int i = 0; i < count; i++) {
            Column column = columns[i];
            int kind = switch (column.type()) {
                case DIGITS -> DIGITS;
                case DATE -> DATE;
                case FLAG -> FLAG;
                case KANA -> KANA;
                case ALNUM -> ALNUM;
                case ALPHABET -> ALPHABET;
                case TEXT, CODE -> TEXT;
            };
            int check = switch (column.check()) {
                case "" -> NO_CHECK;
                case "individual-number" -> INDIVIDUAL_NUMBER;
                case "relationship" -> RELATIONSHIP;
                default -> UNKNOWN_CHECK;
            };
            plan[i] = kind | (column.isRequired() ? REQUIRED_STEP : 0) | (allowedValues[i] != null ? ALLOWED_STEP : 0)
                    | check << CHECK_SHIFT | Math.min(column.maxLength(), 0x7FFFFF) << LENGTH_SHIFT;
            if (allowedValues[i] != null) {
                if (Arrays.stream(allowedValues[i]).allMatch(value -> value.length() == 1 && value.charAt(0) < 0x80)) {
                    planAllowedByte[i] = new boolean[256];
                    for (String value : allowedValues[i]) {
                        planAllowedByte[i][value.charAt(0)] = true;
                    }
                } else {
                    planAllowedBytes[i] = Arrays.stream(allowedValues[i]).map(RowValidator::bytesDecodingTo).toArray(byte[][]::new);
                }
            }
        }
        int ruleCount = rules.size();
        ruleConditionNumbers = new int[ruleCount];
        ruleConditionBytes = new byte[ruleCount][];
        ruleAnyOfNumbers = new int[ruleCount][];
        for (int i = 0; i < ruleCount; i++) {
            ruleConditionNumbers[i] = ruleConditionColumns.get(i);
            ruleAnyOfNumbers[i] = ruleColumns.get(i);
            String value = rules.get(i).conditionValue();
            ruleConditionBytes[i] = isAscii(value) ? value.getBytes(StandardCharsets.US_ASCII) : null;
        }
    }

    /** The CP932 bytes of a text when they decode back to exactly it (then equal bytes mean equal text), else null. */
    private static byte[] bytesDecodingTo(String text) {
        byte[] bytes = text.getBytes(Cp932CsvReader.CP932);
        return Cp932Tables.decodesTo(bytes, 0, bytes.length, text) && new String(bytes, Cp932CsvReader.CP932).equals(text) ? bytes : null;
    }

    public Layout layout() {
        return layout;
    }

    /**
     * Validates a well-formed row; true when it has no errors (warnings allowed). Works on the row's bytes,
     * which the reader has checked to be CP932: ASCII classes (digits, dates, flags, letters) need no
     * decoding (see {@link Cp932Tables}); text is decoded character by character only where a check needs it.
     */
    public boolean validate(CsvRow row) {
        return isClean(row) || validateReporting(row);
    }

    // The plan: per column, what the clean-row check does, decided once from the layout instead of per field.
    // A column's step is one int, so that a field costs one array load: the kind of value in bits 0-3 (TEXT, 0,
    // needs nothing once the reader has seen no control character), required in bit 4, allowed values in bit 5,
    // the named check in bits 6-7, the maximum length in characters from bit 8.
    private static final int TEXT = 0;
    private static final int DIGITS = 1;
    private static final int DATE = 2;
    private static final int FLAG = 3;
    private static final int KANA = 4;
    private static final int ALNUM = 5;
    private static final int ALPHABET = 6;
    private static final int KIND = 0xF;
    private static final int REQUIRED_STEP = 1 << 4;
    private static final int ALLOWED_STEP = 1 << 5;
    private static final int CHECK_SHIFT = 6;
    private static final int NO_CHECK = 0;
    private static final int INDIVIDUAL_NUMBER = 1;
    private static final int RELATIONSHIP = 2;
    /** A check the plan does not know: any value sends the row to the reporting path, which refuses the layout. */
    private static final int UNKNOWN_CHECK = 3;
    /** The bits of a step that make a non-empty field need more than its length checked. */
    private static final int WORK = KIND | ALLOWED_STEP | 3 << CHECK_SHIFT;
    private static final int LENGTH_SHIFT = 8;

    /** Single bytes that are a katakana field's character: 0x20 (space) only; the half-width kana are not. */
    private static final boolean[] KANA_SINGLE = new boolean[256];
    /** Byte pairs (first × 256 + second) whose character {@link #isKana} accepts. */
    private static final boolean[] KANA_PAIR = new boolean[65536];
    private static final boolean[] ALNUM_BYTE = new boolean[256];
    private static final boolean[] ALPHABET_BYTE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            char c = Cp932Tables.SINGLE[b];
            KANA_SINGLE[b] = c != Cp932Tables.LEAD && c != Cp932Tables.INVALID && isKana(c);
            ALNUM_BYTE[b] = b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
            ALPHABET_BYTE[b] = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == ' ' || b == '-' || b == '\'';
        }
        for (int pair = 0; pair < 65536; pair++) {
            char c = Cp932Tables.DOUBLE[pair];
            KANA_PAIR[pair] = Cp932Tables.SINGLE[pair >>> 8] == Cp932Tables.LEAD && c != Cp932Tables.INVALID && isKana(c);
        }
    }

    /** Per column, its step (see {@link #TEXT}). */
    private final int[] plan;
    /** For a column whose allowed values are all one ASCII byte: which bytes they are; else null. */
    private final boolean[][] planAllowedByte;
    /** For a column with allowed values that are not all one ASCII byte: their CP932 bytes (null entries where a value has none that decode back to it). */
    private final byte[][][] planAllowedBytes;
    private final int[] ruleConditionNumbers;
    /** A rule's condition value as bytes when it is ASCII (then byte equality is text equality), else null. */
    private final byte[][] ruleConditionBytes;
    private final int[][] ruleAnyOfNumbers;

    /**
     * Whether the row passes every check without any problem, error or warning, so that {@link #validateReporting}
     * would report nothing and return true. It works from the plan on the row's bytes, builds nothing and
     * reports nothing; when in doubt it says no, and the reporting path, unchanged, decides and words the problems.
     */
    boolean isClean(CsvRow row) {
        byte[] bytes = row.bytes;
        int[] byteStarts = row.byteStarts;
        int[] charStarts = row.charStarts;
        if (!row.controlFree) {
            // A control character (or a line the reader took the careful path for): the reporting path finds it.
            return false;
        }
        int[] steps = plan;
        int columnCount = steps.length;
        int start = byteStarts[0];
        int charStart = charStarts[0];
        for (int index = 0; index < columnCount; index++) {
            int next = byteStarts[index + 1];
            int charNext = charStarts[index + 1];
            int end = next - 1;
            int step = steps[index];
            if (start == end) {
                if ((step & REQUIRED_STEP) != 0) {
                    return false;
                }
            } else if (charNext - 1 - charStart > step >>> LENGTH_SHIFT) {
                return false;
            } else if ((step & WORK) != 0) {
                switch (step & KIND) {
                    case TEXT -> {
                    }
                    case DIGITS -> {
                        for (int i = start; i < end; i++) {
                            int digit = bytes[i] - '0';
                            if (digit < 0 || digit > 9) {
                                return false;
                            }
                        }
                    }
                    case DATE -> {
                        if (end - start != 8 || !isCalendarDate(bytes, start)) {
                            return false;
                        }
                    }
                    case FLAG -> {
                        if (end - start != 1 || (bytes[start] != '0' && bytes[start] != '1')) {
                            return false;
                        }
                    }
                    case KANA -> {
                        for (int i = start; i < end; i++) {
                            int b = bytes[i] & 0xFF;
                            if (b < 0x80 ? !KANA_SINGLE[b] : ++i >= end || !KANA_PAIR[b << 8 | bytes[i] & 0xFF]) {
                                return false;
                            }
                        }
                    }
                    case ALNUM -> {
                        for (int i = start; i < end; i++) {
                            if (!ALNUM_BYTE[bytes[i] & 0xFF]) {
                                return false;
                            }
                        }
                    }
                    case ALPHABET -> {
                        for (int i = start; i < end; i++) {
                            if (!ALPHABET_BYTE[bytes[i] & 0xFF]) {
                                return false;
                            }
                        }
                    }
                    default -> {
                        return false;
                    }
                }
                if ((step & ALLOWED_STEP) != 0 && !isAllowed(index, bytes, start, end)) {
                    return false;
                }
                switch (step >>> CHECK_SHIFT & 3) {
                    case NO_CHECK -> {
                    }
                    case INDIVIDUAL_NUMBER -> {
                        if (!IndividualNumbers.isValid(bytes, start, end)) {
                            return false;
                        }
                    }
                    case RELATIONSHIP -> {
                        if (!relationships.test(bytes, start, end)) {
                            return false;
                        }
                    }
                    default -> {
                        return false;
                    }
                }
            }
            start = next;
            charStart = charNext;
        }
        for (int rule = 0; rule < ruleConditionNumbers.length; rule++) {
            if (ruleApplies(row, rule) && allEmpty(byteStarts, ruleAnyOfNumbers[rule])) {
                return false;
            }
        }
        return true;
    }

    private boolean isAllowed(int index, byte[] bytes, int start, int end) {
        boolean[] single = planAllowedByte[index];
        if (single != null) {
            return end - start == 1 && single[bytes[start] & 0xFF];
        }
        for (byte[] value : planAllowedBytes[index]) {
            if (value != null && bytesEqual(bytes, start, end, value)) {
                return true;
            }
        }
        return false;
    }

    private boolean ruleApplies(CsvRow row, int rule) {
        byte[] value = ruleConditionBytes[rule];
        if (value == null) {
            return row.fieldEquals(ruleConditionNumbers[rule], rules.get(rule).conditionValue());
        }
        int start = row.byteStarts[ruleConditionNumbers[rule] - 1];
        return bytesEqual(row.bytes, start, row.byteStarts[ruleConditionNumbers[rule]] - 1, value);
    }

    /** A plain loop: the values are a byte or a few, and C1, the tool's only compiler, does not vectorise Arrays.equals. */
    private static boolean bytesEqual(byte[] bytes, int start, int end, byte[] value) {
        if (end - start != value.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (bytes[start + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allEmpty(int[] byteStarts, int[] numbers) {
        for (int number : numbers) {
            if (byteStarts[number] - 1 != byteStarts[number - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether eight bytes are a date {@link RecordedDates#check} calls {@link RecordedDates.Verdict#VALID}:
     * digits, 00 for unknown parts, and a day the month has.
     */
    static boolean isCalendarDate(byte[] bytes, int start) {
        int d0 = bytes[start] - '0';
        int d1 = bytes[start + 1] - '0';
        int d2 = bytes[start + 2] - '0';
        int d3 = bytes[start + 3] - '0';
        int d4 = bytes[start + 4] - '0';
        int d5 = bytes[start + 5] - '0';
        int d6 = bytes[start + 6] - '0';
        int d7 = bytes[start + 7] - '0';
        if ((d0 | d1 | d2 | d3 | d4 | d5 | d6 | d7) < 0 || d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9 || d5 > 9 || d6 > 9
                || d7 > 9) {
            return false;
        }
        int month = d4 * 10 + d5;
        int day = d6 * 10 + d7;
        if (month == 0) {
            return day == 0;
        }
        int year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
        if (month > 12 || year == 0) {
            return false;
        }
        if (day <= 28) {
            return true;
        }
        if (day > 31) {
            return false;
        }
        if (month == 2) {
            return day == 29 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        }
        return day <= 30 || month == 1 || month == 3 || month == 5 || month == 7 || month == 8 || month == 10 || month == 12;
    }

    /** The checks with their problems reported: the rows {@link #isClean} does not pass. */
    boolean validateReporting(CsvRow row) {
        boolean valid = true;
        byte[] bytes = row.bytes;
        int[] byteStarts = row.byteStarts;
        int[] charStarts = row.charStarts;
        Column[] columns = this.columns;
        for (int index = 0; index < columns.length; index++) {
            Column column = columns[index];
            int number = index + 1;
            int start = byteStarts[index];
            int end = byteStarts[number] - 1;
            if (start == end) {
                if (column.isRequired()) {
                    report(row, number, REQUIRED, column.name());
                    valid = false;
                }
                continue;
            }
            int length = charStarts[number] - 1 - charStarts[index];
            if (length > column.maxLength()) {
                report(row, number, TOO_LONG, column.name(), column.maxLength(), length);
                valid = false;
                continue;
            }
            valid &= checkType(row, column, bytes, start, end);
            String[] allowed = allowedValues[index];
            if (allowed != null && !(asciiAllowedValues[index] != null ? isOneOf(bytes, start, end, asciiAllowedValues[index])
                    : isOneOf(row, number, allowed))) {
                report(row, number, NOT_ALLOWED, column.name(), row.field(number), allowedText[index]);
                valid = false;
            }
            if (!column.check().isEmpty()) {
                valid &= checkNamed(row, column, bytes, start, end);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            valid &= checkRule(row, rules.get(i), ruleColumns.get(i), ruleConditionColumns.get(i));
        }
        return valid;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** Whether the field's bytes are one of the ASCII values (ASCII text is its own bytes in CP932). */
    private static boolean isOneOf(byte[] bytes, int start, int end, byte[][] allowed) {
        for (byte[] value : allowed) {
            if (java.util.Arrays.equals(bytes, start, end, value, 0, value.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOneOf(CsvRow row, int number, String[] allowed) {
        for (String value : allowed) {
            if (row.fieldEquals(number, value)) {
                return true;
            }
        }
        return false;
    }

    private boolean checkType(CsvRow row, Column column, byte[] bytes, int start, int end) {
        int number = column.number();
        switch (column.type()) {
            case DIGITS -> {
                for (int i = start; i < end; i++) {
                    if (bytes[i] < '0' || bytes[i] > '9') {
                        report(row, number, NOT_DIGITS, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case DATE -> {
                RecordedDates.Verdict verdict = RecordedDates.check(bytes, start, end);
                if (verdict == RecordedDates.Verdict.MALFORMED) {
                    report(row, number, BAD_DATE, column.name(), row.field(number));
                    return false;
                }
                if (verdict == RecordedDates.Verdict.NOT_ON_CALENDAR) {
                    report(row, number, NOT_ON_CALENDAR, column.name(), row.field(number));
                }
            }
            case FLAG -> {
                if (end - start != 1 || (bytes[start] != '0' && bytes[start] != '1')) {
                    report(row, number, NOT_FLAG, column.name(), row.field(number));
                    return false;
                }
            }
            case KANA -> {
                char[] single = Cp932Tables.SINGLE;
                int position = 0;
                for (int i = start; i < end; i++) {
                    int b = bytes[i] & 0xFF;
                    char c = single[b];
                    if (c == Cp932Tables.LEAD) {
                        c = Cp932Tables.DOUBLE[b << 8 | bytes[++i] & 0xFF];
                    }
                    position++;
                    if (!isKana(c)) {
                        report(row, number, NOT_KANA, column.name(), row.field(number), position);
                        return false;
                    }
                }
            }
            case ALNUM -> {
                for (int i = start; i < end; i++) {
                    byte c = bytes[i];
                    if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                        report(row, number, NOT_ALNUM, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case ALPHABET -> {
                for (int i = start; i < end; i++) {
                    byte c = bytes[i];
                    if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ' || c == '-' || c == '\'')) {
                        report(row, number, NOT_ALPHABET, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case TEXT, CODE -> {
                if (row.controlFree) {
                    return true;
                }
                // Only a byte below 0x80 can be a control character; the second byte of a pair never is.
                for (int i = start; i < end; i++) {
                    byte c = bytes[i];
                    if (c >= 0 && (c < 0x20 || c == 0x7F)) {
                        report(row, number, CONTROL_CHARACTER, column.name(), String.format("%04X", (int) c));
                        return false;
                    }
                    if (c < 0 && Cp932Tables.SINGLE[c & 0xFF] == Cp932Tables.LEAD) {
                        i++;
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled type " + column.type());
        }
        return true;
    }

    /** Full-width katakana (ァ–ヺ, ヽヾ), the long-vowel mark ー, and spaces (full or half width). */
    static boolean isKana(char c) {
        return c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == 'ヽ' || c == 'ヾ' || c == '　' || c == ' ';
    }

    private boolean checkNamed(CsvRow row, Column column, byte[] bytes, int start, int end) {
        int number = column.number();
        switch (column.check()) {
            case "individual-number" -> {
                if (!IndividualNumbers.isValid(bytes, start, end)) {
                    report(row, number, BAD_INDIVIDUAL_NUMBER, column.name(), row.field(number));
                    return false;
                }
            }
            case "relationship" -> {
                if (!relationships.test(bytes, start, end)) {
                    report(row, number, BAD_RELATIONSHIP, column.name(), row.field(number));
                    return false;
                }
            }
            default -> throw new IllegalStateException("layout " + layout + " names an unknown check: " + column.check());
        }
        return true;
    }

    private boolean checkRule(CsvRow row, LayoutRules.ConditionalRequirement rule, int[] columnNumbers, int conditionColumn) {
        if (!row.fieldEquals(conditionColumn, rule.conditionValue())) {
            return true;
        }
        for (int number : columnNumbers) {
            if (!row.isEmpty(number)) {
                return true;
            }
        }
        int first = columnNumbers[0];
        report(row, first, MessageId.of(rule.messageId()), layout.column(first).name());
        return false;
    }

    private void report(CsvRow row, int column, MessageId id, Object... arguments) {
        problems.report(fileName, row.lineNumber(), column, id, arguments);
    }
}
