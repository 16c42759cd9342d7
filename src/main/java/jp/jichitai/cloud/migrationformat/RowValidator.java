package jp.jichitai.cloud.migrationformat;

import java.util.ArrayList;
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
