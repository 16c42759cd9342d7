package jp.jichitai.cloud.certificates;

import java.util.Optional;

/**
 * 外字テーブル (gaiji table): a tenant's mapping of its user-defined characters (Private Use Area
 * U+E000–U+F8FF, decoded from CP932 F040–F9FC) to the text that is printed instead, e.g. a standard
 * character or an IVS sequence. Supplied by the caller for each rendering, because 外字 mean nothing
 * without the issuing municipality's table.
 */
@FunctionalInterface
public interface GaijiTable {

    /** No table: every 外字 prints as 〓 and is reported. */
    GaijiTable NONE = codePoint -> Optional.empty();

    /** The substitute for one Private Use Area code point, or empty when the tenant has none. */
    Optional<String> substituteFor(int codePoint);

    /** Whether a code point is a 外字 that goes through this table. */
    static boolean isGaiji(int codePoint) {
        return codePoint >= 0xE000 && codePoint <= 0xF8FF;
    }
}
