package jp.jichitai.cloud.disaster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The merge rules of an offline shelter roster: what is flagged for a clerk, and what is not. */
class RosterDuplicatesTests {

    static final OffsetDateTime NINE = OffsetDateTime.parse("2026-11-20T09:00+09:00");

    static RosterDuplicates.Candidate stay(long id, String atena, String name, String kana, String birth,
            OffsetDateTime entered, OffsetDateTime left) {
        return new RosterDuplicates.Candidate(id, atena, name, kana, birth, entered, left);
    }

    static Optional<RosterDuplicates.Reason> reason(RosterDuplicates.Candidate incoming, RosterDuplicates.Candidate... recorded) {
        return RosterDuplicates.likelyDuplicate(incoming, List.of(recorded)).map(RosterDuplicates.Match::reason);
    }

    @Test
    void samePersonLinkedTwiceIsFlaggedWhateverTheSpelling() {
        assertThat(reason(stay(-1, "100000011", "佐藤一郎", "", "", NINE.plusHours(2), null),
                stay(1, "100000011", "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null)))
                .contains(RosterDuplicates.Reason.SAME_PERSON_LINKED);
    }

    @Test
    void sameKanaAndBirthDateIsFlaggedAcrossWidthsAndSpaces() {
        assertThat(reason(stay(-1, null, "佐藤一郎", "ｻﾄｳｲﾁﾛｳ", "19700505", NINE, null),
                stay(1, null, "佐藤　壱郎", "サトウ　イチロウ", "19700505", NINE.minusDays(1), null)))
                .contains(RosterDuplicates.Reason.SAME_KANA_AND_BIRTH_DATE);
    }

    @Test
    void sameNameAndBirthDateIsFlaggedWhenKanaIsMissing() {
        assertThat(reason(stay(-1, null, "髙橋　花", "", "19800101", NINE, null),
                stay(1, null, "高橋花", "", "19800101", NINE, null)))
                .contains(RosterDuplicates.Reason.SAME_NAME_AND_BIRTH_DATE);
    }

    @Test
    void sameKanaWithAnotherBirthDateOrNoBirthDateIsNotFlagged() {
        RosterDuplicates.Candidate recorded = stay(1, null, "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null);
        assertThat(reason(stay(-1, null, "佐藤　一郎", "サトウ　イチロウ", "19700506", NINE, null), recorded)).isEmpty();
        assertThat(reason(stay(-1, null, "佐藤　一郎", "サトウ　イチロウ", "", NINE, null), recorded)).isEmpty();
    }

    @Test
    void twoPeopleLinkedToDifferentRegistryEntriesAreNeverFlagged() {
        assertThat(reason(stay(-1, "100000099", "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null),
                stay(1, "100000011", "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null))).isEmpty();
    }

    @Test
    void aStayThatEndedBeforeTheNewEntryIsAReturnNotADuplicate() {
        RosterDuplicates.Candidate left = stay(1, "100000011", "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE,
                NINE.plusHours(5));
        assertThat(reason(stay(-1, "100000011", "佐藤　一郎", "", "", NINE.plusHours(5), null), left)).isEmpty();
        assertThat(reason(stay(-1, "100000011", "佐藤　一郎", "", "", NINE.plusHours(4), null), left))
                .contains(RosterDuplicates.Reason.SAME_PERSON_LINKED);
        // entered and left offline before the recorded stay began
        assertThat(reason(stay(-1, "100000011", "佐藤　一郎", "", "", NINE.minusHours(3), NINE.minusHours(1)), left)).isEmpty();
    }

    @Test
    void theStrongestReasonThenTheEarliestStayIsNamed() {
        RosterDuplicates.Candidate byKana = stay(1, null, "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null);
        RosterDuplicates.Candidate linked = stay(2, "100000011", "佐藤　一郎", "", "", NINE, null);
        RosterDuplicates.Candidate linkedLater = stay(3, "100000011", "佐藤　一郎", "", "", NINE, null);
        Optional<RosterDuplicates.Match> match = RosterDuplicates.likelyDuplicate(
                stay(-1, "100000011", "佐藤　一郎", "サトウ　イチロウ", "19700505", NINE, null), List.of(byKana, linkedLater, linked));
        assertThat(match).isPresent();
        assertThat(match.get().existing().id()).isEqualTo(2);
        assertThat(match.get().reason()).isEqualTo(RosterDuplicates.Reason.SAME_PERSON_LINKED);
    }
}
