package jp.jichitai.cloud.disaster;

/**
 * An amount of money in whole 円. The support-payment table is written in 万円 (10,000 円); amounts are
 * kept in 円 as integers so that 3/4 of 50万円 (375,000 円) and of 25万円 (187,500 円) stay exact.
 */
public record Yen(long value) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(0);
    private static final long YEN_PER_MAN = 10_000;

    public Yen {
        if (value < 0) {
            throw DisasterMessages.refusal("E-DIS-0014", value);
        }
    }

    /** An amount given in 万円, the unit of the law's table. */
    public static Yen ofManYen(long manYen) {
        return new Yen(Math.multiplyExact(manYen, YEN_PER_MAN));
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(value, other.value));
    }

    public Yen minus(Yen other) {
        return new Yen(Math.subtractExact(value, other.value));
    }

    /**
     * Three quarters of this amount, for a one-person household. Exact for every amount of the table,
     * since a whole number of 万円 times 3/4 is a whole number of 円.
     */
    public Yen threeQuarters() {
        if (Math.multiplyExact(value, 3) % 4 != 0) {
            throw new ArithmeticException("three quarters of " + value + " yen is not a whole number of yen");
        }
        return new Yen(value * 3 / 4);
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("%,d円", value);
    }
}
