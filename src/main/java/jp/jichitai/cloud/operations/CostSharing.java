package jp.jichitai.cloud.operations;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 経費按分 (cost sharing): an annual service cost in 千円 shared among the municipalities by a key such as
 * their resident counts (名寄市 29,869, 士別市 21,640, 今金町 5,968).
 *
 * <p>Rounding by the largest remainder method (最大剰余法): each share is first rounded down, and the
 * 千円 left over go one each to the shares with the largest remainders, so that the shares always add
 * up exactly to the total and no share is more than 1千円 from its exact quota. Equal remainders go
 * to the larger key first, then to the earlier entry of the key, so the result never depends on chance.
 */
public final class CostSharing {

    private CostSharing() {
    }

    /** The share of each party, in the order of the key. */
    public static <K> Map<K, ThousandYen> share(ThousandYen total, Map<K, Long> key) {
        long keySum = 0;
        for (long weight : key.values()) {
            if (weight < 0) {
                throw OperationsMessages.refusal("E-OPS-0010");
            }
            keySum = Math.addExact(keySum, weight);
        }
        if (keySum == 0) {
            throw OperationsMessages.refusal("E-OPS-0010");
        }

        record Quota<K>(K party, long weight, int order, long floor, long remainder) {
        }
        BigInteger totalValue = BigInteger.valueOf(total.value());
        BigInteger sum = BigInteger.valueOf(keySum);
        List<Quota<K>> quotas = new ArrayList<>();
        long allocated = 0;
        int order = 0;
        for (Map.Entry<K, Long> entry : key.entrySet()) {
            BigInteger[] division = totalValue.multiply(BigInteger.valueOf(entry.getValue())).divideAndRemainder(sum);
            quotas.add(new Quota<>(entry.getKey(), entry.getValue(), order++, division[0].longValueExact(),
                    division[1].longValueExact()));
            allocated += division[0].longValueExact();
        }

        long leftOver = total.value() - allocated;
        List<Quota<K>> byRemainder = new ArrayList<>(quotas);
        byRemainder.sort(Comparator.<Quota<K>>comparingLong(Quota::remainder).reversed()
                .thenComparing(Comparator.<Quota<K>>comparingLong(Quota::weight).reversed())
                .thenComparingInt(Quota::order));
        Map<K, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < leftOver; i++) {
            extra.put(byRemainder.get(i).party(), 1L);
        }

        Map<K, ThousandYen> shares = new LinkedHashMap<>();
        for (Quota<K> quota : quotas) {
            shares.put(quota.party(), new ThousandYen(quota.floor() + extra.getOrDefault(quota.party(), 0L)));
        }
        return shares;
    }
}
