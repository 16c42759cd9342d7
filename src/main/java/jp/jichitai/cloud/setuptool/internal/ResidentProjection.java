package jp.jichitai.cloud.setuptool.internal;

import java.util.Arrays;
import jp.jichitai.cloud.migrationformat.CsvRow;

/**
 * The current state of every person in data_d0101.csv: for each 宛名番号 the row with the highest
 * 履歴番号, whatever order the rows come in. Kept compact so that a million persons fit in well under
 * 512 MB: numbers in primitive arrays, and only the columns the import file needs, as their original
 * CP932 bytes joined by commas, in a {@link ByteArena}. A newer row overwrites the older one's bytes when
 * it fits, so history rows waste little.
 */
public final class ResidentProjection {

    /** The d0101 columns kept, in this order, in each person's stored bytes. */
    public static final int[] KEPT_COLUMNS = {1, 3, 6, 7, 8, 9, 12, 13, 14, 15, 19, 20, 21, 22, 40, 41, 42, 45};

    private static final int RESIDENT = 1;
    private static final int FOREIGN = 2;
    private static final int HEAD = 4;
    private static final String HEAD_OF_HOUSEHOLD = "世帯主";

    private final LongIntHashMap slotsByAddressNumber;
    private final ByteArena arena = new ByteArena();
    private long[] addressNumbers;
    private long[] householdNumbers;
    private int[] historyNumbers;
    private byte[] flags;
    private long[] addresses;
    private int[] lengths;
    private int[] capacities;
    private int size;
    private byte[] scratch = new byte[1024];

    public ResidentProjection(int expectedPersons) {
        int capacity = Math.max(16, expectedPersons);
        slotsByAddressNumber = new LongIntHashMap(capacity);
        addressNumbers = new long[capacity];
        householdNumbers = new long[capacity];
        historyNumbers = new int[capacity];
        flags = new byte[capacity];
        addresses = new long[capacity];
        lengths = new int[capacity];
        capacities = new int[capacity];
    }

    /** Takes a valid d0101 row into account: it becomes the person's state if its 履歴番号 is the highest so far. */
    public void accept(CsvRow row) {
        long addressNumber = row.fieldAsLong(1);
        int historyNumber = (int) row.fieldAsLong(2);
        int slot = slotsByAddressNumber.get(addressNumber, -1);
        if (slot < 0) {
            slot = newSlot(addressNumber);
        } else if (historyNumbers[slot] >= historyNumber) {
            return;
        }
        historyNumbers[slot] = historyNumber;
        householdNumbers[slot] = row.fieldAsLong(3);
        byte[] bytes = row.byteBuffer();
        int flag = 0;
        if (bytes[row.fieldByteStart(5)] == '1') {
            flag |= RESIDENT;
        }
        if (bytes[row.fieldByteStart(4)] == '2') {
            flag |= FOREIGN;
        }
        if (row.fieldEquals(14, HEAD_OF_HOUSEHOLD)) {
            flag |= HEAD;
        }
        flags[slot] = (byte) flag;
        if ((flag & RESIDENT) == 0) {
            return;
        }
        int length = collectKeptBytes(row);
        if (length <= capacities[slot]) {
            arena.overwrite(addresses[slot], scratch, 0, length);
        } else {
            addresses[slot] = arena.add(scratch, 0, length);
            capacities[slot] = length;
        }
        lengths[slot] = length;
    }

    private int collectKeptBytes(CsvRow row) {
        byte[] source = row.byteBuffer();
        int length = 0;
        for (int i = 0; i < KEPT_COLUMNS.length; i++) {
            int start = row.fieldByteStart(KEPT_COLUMNS[i]);
            int fieldLength = row.fieldByteEnd(KEPT_COLUMNS[i]) - start;
            if (scratch.length < length + fieldLength + 1) {
                scratch = Arrays.copyOf(scratch, (length + fieldLength + 1) * 2);
            }
            if (i > 0) {
                scratch[length++] = ',';
            }
            System.arraycopy(source, start, scratch, length, fieldLength);
            length += fieldLength;
        }
        return length;
    }

    private int newSlot(long addressNumber) {
        if (size == addressNumbers.length) {
            int capacity = size * 3 / 2 + 16;
            addressNumbers = Arrays.copyOf(addressNumbers, capacity);
            householdNumbers = Arrays.copyOf(householdNumbers, capacity);
            historyNumbers = Arrays.copyOf(historyNumbers, capacity);
            flags = Arrays.copyOf(flags, capacity);
            addresses = Arrays.copyOf(addresses, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            capacities = Arrays.copyOf(capacities, capacity);
        }
        int slot = size++;
        addressNumbers[slot] = addressNumber;
        historyNumbers[slot] = -1;
        slotsByAddressNumber.put(addressNumber, slot, -1);
        return slot;
    }

    /**
     * Takes in the projection of the rows that follow this one's in the same file (read apart, by another thread):
     * the result is what {@link #accept} would have made of all the rows in file order, provided no (宛名番号,
     * 履歴番号) occurs in both. {@code later} must not be used afterwards.
     */
    public void absorb(ResidentProjection later) {
        long shift = arena.adopt(later.arena);
        for (int from = 0; from < later.size; from++) {
            long addressNumber = later.addressNumbers[from];
            int slot = slotsByAddressNumber.get(addressNumber, -1);
            if (slot < 0) {
                slot = newSlot(addressNumber);
            } else if (historyNumbers[slot] >= later.historyNumbers[from]) {
                continue;
            }
            historyNumbers[slot] = later.historyNumbers[from];
            householdNumbers[slot] = later.householdNumbers[from];
            flags[slot] = later.flags[from];
            if ((later.flags[from] & RESIDENT) != 0) {
                addresses[slot] = later.addresses[from] + shift;
                lengths[slot] = later.lengths[from];
                capacities[slot] = later.capacities[from];
            }
        }
    }

    /** Number of distinct persons (宛名番号). */
    public int persons() {
        return size;
    }

    public boolean isCurrentResident(int slot) {
        return (flags[slot] & RESIDENT) != 0;
    }

    public boolean isCurrentResident(long addressNumber) {
        int slot = slotsByAddressNumber.get(addressNumber, -1);
        return slot >= 0 && isCurrentResident(slot);
    }

    public boolean isForeign(int slot) {
        return (flags[slot] & FOREIGN) != 0;
    }

    public boolean isHouseholdHead(int slot) {
        return (flags[slot] & HEAD) != 0;
    }

    public long addressNumber(int slot) {
        return addressNumbers[slot];
    }

    public long householdNumber(int slot) {
        return householdNumbers[slot];
    }

    /** The current residents, ordered by 世帯番号, the 世帯主 first, then by 宛名番号 (all as numbers). */
    public int[] currentResidentsInImportOrder() {
        int count = 0;
        for (int slot = 0; slot < size; slot++) {
            if (isCurrentResident(slot)) {
                count++;
            }
        }
        int[] order = new int[count];
        int next = 0;
        for (int slot = 0; slot < size; slot++) {
            if (isCurrentResident(slot)) {
                order[next++] = slot;
            }
        }
        IndexSort.sort(order, count, (left, right) -> {
            int byHousehold = Long.compare(householdNumbers[left], householdNumbers[right]);
            if (byHousehold != 0) {
                return byHousehold;
            }
            int byHead = Boolean.compare(!isHouseholdHead(left), !isHouseholdHead(right));
            return byHead != 0 ? byHead : Long.compare(addressNumbers[left], addressNumbers[right]);
        });
        return order;
    }

    /** The chunk holding a current resident's kept bytes; see {@link #keptOffset} and {@link #keptLength}. */
    public byte[] keptChunk(int slot) {
        return arena.chunkOf(addresses[slot]);
    }

    public int keptOffset(int slot) {
        return arena.offsetOf(addresses[slot]);
    }

    public int keptLength(int slot) {
        return lengths[slot];
    }

    /**
     * Finds the kept fields of a current resident: field {@code i} (in {@link #KEPT_COLUMNS} order) is
     * between {@code starts[i]} and {@code starts[i + 1] - 1} of {@link #keptChunk}; {@code starts} needs
     * {@code KEPT_COLUMNS.length + 1} places. A comma is never part of a CP932 character, so the bytes split
     * as they are.
     */
    public void splitKept(int slot, int[] starts) {
        byte[] chunk = arena.chunkOf(addresses[slot]);
        int at = arena.offsetOf(addresses[slot]);
        int end = at + lengths[slot];
        int field = 0;
        starts[field++] = at;
        for (; at < end; at++) {
            if (chunk[at] == ',') {
                starts[field++] = at + 1;
            }
        }
        starts[field] = end + 1;
    }
}
