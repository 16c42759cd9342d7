package jp.jichitai.cloud.setuptool.internal;

/** Stable merge sort of an int array of indexes by a comparator, without boxing a million Integers. */
public final class IndexSort {

    /** Compares two indexes. */
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int left, int right);
    }

    private IndexSort() {
    }

    public static void sort(int[] indexes, int length, IndexComparator comparator) {
        int[] buffer = new int[length];
        for (int width = 1; width < length; width *= 2) {
            for (int low = 0; low < length; low += 2 * width) {
                int middle = Math.min(low + width, length);
                int high = Math.min(low + 2 * width, length);
                int i = low;
                int j = middle;
                int k = low;
                while (i < middle && j < high) {
                    buffer[k++] = comparator.compare(indexes[j], indexes[i]) < 0 ? indexes[j++] : indexes[i++];
                }
                while (i < middle) {
                    buffer[k++] = indexes[i++];
                }
                while (j < high) {
                    buffer[k++] = indexes[j++];
                }
            }
            System.arraycopy(buffer, 0, indexes, 0, length);
        }
    }
}
