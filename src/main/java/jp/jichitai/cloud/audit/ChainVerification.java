package jp.jichitai.cloud.audit;

import java.util.OptionalLong;

/**
 * The result of checking one hash chain: how many entries were checked and the first entry whose
 * hash, link or number does not match, if any.
 */
public record ChainVerification(String tenantScope, long entriesChecked, OptionalLong firstBrokenSequence,
        String problem) {

    public boolean intact() {
        return firstBrokenSequence.isEmpty();
    }

    @Override
    public String toString() {
        return intact()
                ? "%s: %d entries, chain intact".formatted(tenantScope, entriesChecked)
                : "%s: BROKEN at entry %d (%s) after %d intact entries".formatted(tenantScope,
                        firstBrokenSequence.getAsLong(), problem, entriesChecked);
    }
}
