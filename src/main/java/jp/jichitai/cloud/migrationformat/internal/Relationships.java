package jp.jichitai.cloud.migrationformat.internal;

import java.util.Set;

/**
 * 続柄 (relationship to the head of household) as the resident registry writes it: 世帯主, 縁故者, 同居人,
 * or a chain of terms joined by の (子の妻, 妻の母...) with at most four の. 祖父, 孫, 長男 are not used.
 */
public final class Relationships {

    private static final Set<String> ALONE = Set.of("世帯主", "縁故者", "同居人");
    private static final Set<String> TERMS = Set.of("夫", "妻", "夫（未届）", "妻（未届）", "子", "父", "母", "兄", "姉", "弟", "妹");
    private static final int MOST_LINKS = 5;

    private Relationships() {
    }

    public static boolean isValid(String relationship) {
        if (ALONE.contains(relationship)) {
            return true;
        }
        String[] terms = relationship.split("の", -1);
        if (terms.length > MOST_LINKS) {
            return false;
        }
        for (String term : terms) {
            if (!TERMS.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
