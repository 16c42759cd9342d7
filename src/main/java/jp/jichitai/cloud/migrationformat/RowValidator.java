package jp.jichitai.cloud.migrationformat;

import java.util.ArrayList;
import java.util.List;
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
    private final java.util.Set<String>[] allowedSets;
    private final List<LayoutRules.ConditionalRequirement> rules;
    private final List<int[]> ruleColumns = new ArrayList<>();
    private final List<Integer> ruleConditionColumns = new ArrayList<>();

    public RowValidator(Layout layout, String fileName, MigrationProblems problems) {
        this.layout = layout;
        this.fileName = fileName;
        this.problems = problems;
        this.columns = layout.columns().toArray(Column[]::new);
        this.allowedText = new String[columns.length];
        @SuppressWarnings("unchecked")
        java.util.Set<String>[] sets = new java.util.Set[columns.length];
        this.allowedSets = sets;
        for (int i = 0; i < columns.length; i++) {
            allowedText[i] = String.join(", ", columns[i].allowedValues().keySet());
            allowedSets[i] = columns[i].hasAllowedValues() ? new java.util.HashSet<>(columns[i].allowedValues().keySet()) : null;
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

    /** Validates a well-formed row; true when it has no errors (warnings allowed). */
    public boolean validate(CsvRow row) {
        boolean valid = true;
        char[] chars = row.chars();
        for (Column column : columns) {
            int number = column.number();
            int start = row.fieldStart(number);
            int end = row.fieldEnd(number);
            if (start == end) {
                if (column.isRequired()) {
                    report(row, number, REQUIRED, column.name());
                    valid = false;
                }
                continue;
            }
            if (end - start > column.maxLength()) {
                report(row, number, TOO_LONG, column.name(), column.maxLength(), end - start);
                valid = false;
                continue;
            }
            valid &= checkType(row, column, chars, start, end);
            if (allowedSets[number - 1] != null && !allowedSets[number - 1].contains(new String(chars, start, end - start))) {
                report(row, number, NOT_ALLOWED, column.name(), row.field(number), allowedText[number - 1]);
                valid = false;
            }
            if (!column.check().isEmpty()) {
                valid &= checkNamed(row, column);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            valid &= checkRule(row, rules.get(i), ruleColumns.get(i), ruleConditionColumns.get(i));
        }
        return valid;
    }

    private boolean checkType(CsvRow row, Column column, char[] chars, int start, int end) {
        int number = column.number();
        switch (column.type()) {
            case DIGITS -> {
                for (int i = start; i < end; i++) {
                    if (chars[i] < '0' || chars[i] > '9') {
                        report(row, number, NOT_DIGITS, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case DATE -> {
                RecordedDates.Verdict verdict = RecordedDates.check(chars, start, end);
                if (verdict == RecordedDates.Verdict.MALFORMED) {
                    report(row, number, BAD_DATE, column.name(), row.field(number));
                    return false;
                }
                if (verdict == RecordedDates.Verdict.NOT_ON_CALENDAR) {
                    report(row, number, NOT_ON_CALENDAR, column.name(), row.field(number));
                }
            }
            case FLAG -> {
                if (end - start != 1 || (chars[start] != '0' && chars[start] != '1')) {
                    report(row, number, NOT_FLAG, column.name(), row.field(number));
                    return false;
                }
            }
            case KANA -> {
                for (int i = start; i < end; i++) {
                    if (!isKana(chars[i])) {
                        report(row, number, NOT_KANA, column.name(), row.field(number), i - start + 1);
                        return false;
                    }
                }
            }
            case ALNUM -> {
                for (int i = start; i < end; i++) {
                    char c = chars[i];
                    if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                        report(row, number, NOT_ALNUM, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case ALPHABET -> {
                for (int i = start; i < end; i++) {
                    char c = chars[i];
                    if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ' || c == '-' || c == '\'')) {
                        report(row, number, NOT_ALPHABET, column.name(), row.field(number));
                        return false;
                    }
                }
            }
            case TEXT, CODE -> {
                for (int i = start; i < end; i++) {
                    char c = chars[i];
                    if (c < 0x20 || c == 0x7F) {
                        report(row, number, CONTROL_CHARACTER, column.name(), String.format("%04X", (int) c));
                        return false;
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

    private boolean checkNamed(CsvRow row, Column column) {
        int number = column.number();
        switch (column.check()) {
            case "individual-number" -> {
                if (!IndividualNumbers.isValid(row.field(number))) {
                    report(row, number, BAD_INDIVIDUAL_NUMBER, column.name(), row.field(number));
                    return false;
                }
            }
            case "relationship" -> {
                if (!Relationships.isValid(row.field(number))) {
                    report(row, number, BAD_RELATIONSHIP, column.name(), row.field(number));
                    return false;
                }
            }
            default -> throw new IllegalStateException("layout " + layout + " names an unknown check: " + column.check());
        }
        return true;
    }

    private boolean checkRule(CsvRow row, LayoutRules.ConditionalRequirement rule, int[] columnNumbers, int conditionColumn) {
        String condition = rule.conditionValue();
        int start = row.fieldStart(conditionColumn);
        if (row.fieldLength(conditionColumn) != condition.length()
                || !condition.contentEquals(java.nio.CharBuffer.wrap(row.chars(), start, condition.length()))) {
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
