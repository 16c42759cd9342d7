package jp.jichitai.cloud.disaster.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.residents.SearchKeys;

/**
 * 重複の疑い (likely duplicates) when an offline roster is merged: a person entered on the shelter's PC who looks
 * like someone already recorded in the disaster's shelters at an overlapping time. Such a row is flagged for a
 * clerk's review, never merged by itself: two people may share a name and a birthday, and one person may be
 * recorded twice under two spellings.
 */
final class RosterDuplicates {

    /** Why two stays look like one person, strongest first. */
    enum Reason {
        SAME_PERSON_LINKED("同じ宛名番号の方が既に記録されています"),
        SAME_KANA_AND_BIRTH_DATE("フリガナと生年月日が同じ方が既に記録されています"),
        SAME_NAME_AND_BIRTH_DATE("氏名と生年月日が同じ方が既に記録されています");

        private final String japanese;

        Reason(String japanese) {
            this.japanese = japanese;
        }

        String japanese() {
            return japanese;
        }
    }

    /** A stay as the rule sees it: who, and when (leftAt null while present). */
    record Candidate(long id, String atenaNumber, String name, String kana, String birthDate, OffsetDateTime enteredAt,
            OffsetDateTime leftAt) {
    }

    record Match(Candidate existing, Reason reason) {
    }

    private RosterDuplicates() {
    }

    /** The recorded stay the new one most likely duplicates: the strongest reason, then the earliest stay. */
    static Optional<Match> likelyDuplicate(Candidate incoming, List<Candidate> recorded) {
        Match best = null;
        for (Candidate existing : recorded) {
            if (existing.id() == incoming.id() || !overlap(incoming, existing)) {
                continue;
            }
            Reason reason = reason(incoming, existing);
            if (reason != null && (best == null || reason.ordinal() < best.reason().ordinal()
                    || (reason == best.reason() && existing.id() < best.existing().id()))) {
                best = new Match(existing, reason);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Reason reason(Candidate a, Candidate b) {
        if (!blank(a.atenaNumber()) && a.atenaNumber().equals(b.atenaNumber())) {
            return Reason.SAME_PERSON_LINKED;
        }
        if (blank(a.birthDate()) || !a.birthDate().equals(b.birthDate())) {
            return null;
        }
        // Linked to two different registry entries: two people, however alike.
        if (!blank(a.atenaNumber()) && !blank(b.atenaNumber())) {
            return null;
        }
        String kana = blank(a.kana()) ? "" : SearchKeys.kanaKey(a.kana());
        if (!kana.isEmpty() && !blank(b.kana()) && kana.equals(SearchKeys.kanaKey(b.kana()))) {
            return Reason.SAME_KANA_AND_BIRTH_DATE;
        }
        String name = blank(a.name()) ? "" : SearchKeys.nameKey(a.name());
        if (!name.isEmpty() && !blank(b.name()) && name.equals(SearchKeys.nameKey(b.name()))) {
            return Reason.SAME_NAME_AND_BIRTH_DATE;
        }
        return null;
    }

    /** Stays overlap when neither ended before the other began (a stay still open runs on). */
    static boolean overlap(Candidate a, Candidate b) {
        boolean aEndsBeforeB = a.leftAt() != null && !a.leftAt().isAfter(b.enteredAt());
        boolean bEndsBeforeA = b.leftAt() != null && !b.leftAt().isAfter(a.enteredAt());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
