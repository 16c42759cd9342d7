package jp.jichitai.cloud.setuptool;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import jp.jichitai.cloud.migrationformat.GaijiTally;

/**
 * 突合 (reconciliation) of one input file: every row read is either used for the import file or rejected
 * with a reason — an error id ({@code E-MIG-…}) for an invalid row, an information id ({@code I-MIG-…})
 * for a valid row the import file does not need (older history, removed resident, older tax year).
 */
public final class FileReconciliation {

    private final String fileName;
    private long read;
    private long used;
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private GaijiTally gaiji = new GaijiTally();
    private boolean headerSkipped;
    private boolean missing;

    public FileReconciliation(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public long read() {
        return read;
    }

    public long used() {
        return used;
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected rows by message id of the reason. */
    public Map<String, Long> rejectedByReason() {
        return Collections.unmodifiableMap(rejectedByReason);
    }

    public GaijiTally gaiji() {
        return gaiji;
    }

    public boolean headerSkipped() {
        return headerSkipped;
    }

    public boolean missing() {
        return missing;
    }

    /** Whether read = used + rejected. */
    public boolean addsUp() {
        return read == used + rejected();
    }

    void countRead() {
        read++;
    }

    void countUsed(long rows) {
        used += rows;
    }

    void reject(String reason, long rows) {
        if (rows > 0) {
            rejectedByReason.merge(reason, rows, Long::sum);
        }
    }

    /** Adds what was read from the part of the file after the one counted here; its lines are numbered from 1 again. */
    void addReadOfLaterPart(FileReconciliation part, long lineOffset) {
        read += part.read;
        part.rejectedByReason.forEach((reason, rows) -> rejectedByReason.merge(reason, rows, Long::sum));
        gaiji.addAll(part.gaiji, lineOffset);
    }

    /** Forgets what was read, to read the file again. */
    void forgetReading() {
        read = 0;
        used = 0;
        rejectedByReason.clear();
        gaiji = new GaijiTally();
        headerSkipped = false;
    }

    void markHeaderSkipped() {
        headerSkipped = true;
    }

    void markMissing() {
        missing = true;
    }
}
