package jp.jichitai.cloud.operations;

/** An amount in 千円 (thousands of yen), the unit of municipal budget and cost tables. */
public record ThousandYen(long value) implements Comparable<ThousandYen> {

    public ThousandYen {
        if (value < 0) {
            throw OperationsMessages.refusal("E-OPS-0011", value);
        }
    }

    public static ThousandYen of(long value) {
        return new ThousandYen(value);
    }

    @Override
    public int compareTo(ThousandYen other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("%,d千円", value);
    }
}
