package jp.jichitai.cloud.setuptool.internal;

/**
 * Stable merge sort of an int array of indexes by a comparator, without boxing a million Integers. It merges the
 * runs already in order (a natural merge sort): residents are usually read in 宛名番号 order, which mostly is
 * household order too, so the import order needs few merges or none (one comparison per index when none).
 */
public final class IndexSort {

    /** Compares two indexes. */
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int left, int right);
    }

    private IndexSort() {
    }

    public static void sort(int[] indexes, int length, IndexComparator comparator) {
        // runEnds[r]: where run r ends (exclusive); the runs are the maximal stretches in non-descending order.
        int[] runEnds = new int[16];
        int runs = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || comparator.compare(indexes[i], indexes[i - 1]) < 0) {
                if (runs == runEnds.length) {
                    runEnds = java.util.Arrays.copyOf(runEnds, runs * 2);
                }
                runEnds[runs++] = i;
            }
        }
        if (runs <= 1) {
            return;
        }
        int[] source = indexes;
        int[] target = new int[length];
        while (runs > 1) {
            int merged = 0;
            int low = 0;
            for (int r = 0; r < runs; r += 2) {
                int middle = runEnds[r];
                int high = r + 1 < runs ? runEnds[r + 1] : middle;
                merge(source, target, low, middle, high, comparator);
                runEnds[merged++] = high;
                low = high;
            }
            runs = merged;
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != indexes) {
            System.arraycopy(source, 0, indexes, 0, length);
        }
    }

    /** Merges source[low..middle) and source[middle..high) into target[low..high), the left one first on ties. */
    private static void merge(int[] source, int[] target, int low, int middle, int high, IndexComparator comparator) {
        int i = low;
        int j = middle;
        int k = low;
        while (i < middle && j < high) {
            target[k++] = comparator.compare(source[j], source[i]) < 0 ? source[j++] : source[i++];
        }
        while (i < middle) {
            target[k++] = source[i++];
        }
        while (j < high) {
            target[k++] = source[j++];
        }
    }
}
