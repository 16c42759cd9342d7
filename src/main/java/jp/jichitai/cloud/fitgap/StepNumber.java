package jp.jichitai.cloud.fitgap;

import java.util.regex.Pattern;

/** 手順番号 (step number) of a procedure, three digits such as {@code 001}, as the 業務手順書 numbers them. */
public record StepNumber(String value) implements Comparable<StepNumber> {

    private static final Pattern THREE_DIGITS = Pattern.compile("[0-9]{3}");

    public StepNumber {
        if (value == null || !THREE_DIGITS.matcher(value).matches()) {
            throw FitGapMessages.refusal("E-FIT-0002", String.valueOf(value));
        }
    }

    public static StepNumber of(String value) {
        return new StepNumber(value);
    }

    @Override
    public int compareTo(StepNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
