package jp.jichitai.cloud.setuptool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;

/**
 * The natural merge sort must give what a stable sort gives, whatever runs the input already has: sorted,
 * reversed, a few indexes out of place, or random; with many equal keys, so that stability is tested.
 */
class IndexSortPropertyTests {

    @Test
    void sortsAsAStableSortDoes() {
        long seed = Generators.seed(20261206L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < Generators.CASES; i++) {
            int length = Generators.between(random, 0, 300);
            int keyRange = Generators.between(random, 1, 1000);
            long[] keys = new long[length];
            int shape = random.nextInt(4);
            for (int slot = 0; slot < length; slot++) {
                keys[slot] = switch (shape) {
                    case 0 -> slot * (long) keyRange / Math.max(1, length);
                    case 1 -> (length - slot) * (long) keyRange / Math.max(1, length);
                    default -> random.nextInt(keyRange);
                };
            }
            if (shape == 2 && length > 1) {
                // Mostly in order, a few out of place: the case of residents read in 宛名番号 order.
                Arrays.sort(keys);
                for (int swaps = Generators.between(random, 1, 5); swaps > 0; swaps--) {
                    int a = random.nextInt(length);
                    int b = random.nextInt(length);
                    long kept = keys[a];
                    keys[a] = keys[b];
                    keys[b] = kept;
                }
            }
            int[] sorted = IntStream.range(0, length).toArray();
            IndexSort.sort(sorted, length, (left, right) -> Long.compare(keys[left], keys[right]));

            int[] expected = IntStream.range(0, length).boxed()
                    .sorted(Comparator.comparingLong(slot -> keys[slot])).mapToInt(Integer::intValue).toArray();
            assertThat(sorted).as("seed %d, case %d, keys %s", seed, i, Arrays.toString(keys)).containsExactly(expected);
        }
    }

    @Test
    void sortsOnlyTheGivenLength() {
        int[] indexes = {3, 2, 1, 0, 9, 8};
        IndexSort.sort(indexes, 4, Integer::compare);
        assertThat(indexes).containsExactly(0, 1, 2, 3, 9, 8);
    }
}
