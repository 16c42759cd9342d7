package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jp.jichitai.cloud.shared.MessageId;
import org.junit.jupiter.api.Test;

/** Putting together what two collectors found in two parts of one file, as one collector would have found it. */
class MigrationProblemsTests {

    private static final MessageId GAIJI = MessageId.of("W-MIG-0002");
    private static final MessageId NOT_ON_CALENDAR = MessageId.of("W-MIG-0001");

    @Test
    void shiftsTheLaterPartsLinesAndDropsTheFirstOccurrencesTheEarlierPartHadSeen() {
        GaijiTally earlierTally = new GaijiTally();
        MigrationProblems earlier = new MigrationProblems(10);
        earlierTally.record('\uE000', 3, 7);
        earlier.report("f.csv", 3, 7, GAIJI, "名", "E000");
        GaijiTally laterTally = new GaijiTally();
        MigrationProblems later = new MigrationProblems(10 + 1880);
        laterTally.record('\uE001', 1, 6);
        later.report("f.csv", 1, 6, GAIJI, "氏", "E001");
        later.report("f.csv", 2, 12, NOT_ON_CALENDAR, "生年月日", "19470229");
        laterTally.record('\uE000', 4, 7);
        later.report("f.csv", 4, 7, GAIJI, "名", "E000");
        laterTally.record('\uE000', 5, 7);

        int[] laterOrder = laterTally.codePointsInOrderSeen();
        assertThat(laterOrder).containsExactly(0xE001, 0xE000);
        long dropped = Arrays.stream(laterOrder).filter(earlierTally::contains).count();
        earlier.addAllShifted(later, 10, GAIJI, nth -> earlierTally.contains(laterOrder[nth]), dropped);
        earlierTally.addAll(laterTally, 10);

        assertThat(earlier.listedWarnings()).extracting(MigrationProblem::format).containsExactly(
                "f.csv:3:7: W-MIG-0002 " + MigrationProblems.text(GAIJI, "名", "E000"),
                "f.csv:11:6: W-MIG-0002 " + MigrationProblems.text(GAIJI, "氏", "E001"),
                "f.csv:12:12: W-MIG-0001 " + MigrationProblems.text(NOT_ON_CALENDAR, "生年月日", "19470229"));
        assertThat(earlier.warningCount()).isEqualTo(3);
        assertThat(earlier.countsById()).containsEntry("W-MIG-0002", 2L).containsEntry("W-MIG-0001", 1L);
        assertThat(earlierTally.occurrences().get(0xE000)).isEqualTo(new GaijiTally.Occurrence(0xE000, 3, 3, 7));
        assertThat(earlierTally.occurrences().get(0xE001)).isEqualTo(new GaijiTally.Occurrence(0xE001, 1, 11, 6));
        assertThat(earlierTally.codePointsInOrderSeen()).containsExactly(0xE000, 0xE001);
    }

    @Test
    void listsNoMoreThanItsLimitAfterDroppingAndRemovesAnIdWhoseCountDropsToZero() {
        MigrationProblems earlier = new MigrationProblems(2);
        MigrationProblems later = new MigrationProblems(2 + 1880);
        later.report("f.csv", 1, 7, GAIJI, "名", "E000");
        for (int line = 2; line <= 4; line++) {
            later.report("f.csv", line, 12, NOT_ON_CALENDAR, "生年月日", "19470229");
        }

        earlier.addAllShifted(later, 100, GAIJI, nth -> nth == 0, 1);

        assertThat(earlier.listedWarnings()).extracting(MigrationProblem::line).containsExactly(102L, 103L);
        assertThat(earlier.warningCount()).isEqualTo(3);
        assertThat(earlier.countsById()).doesNotContainKey("W-MIG-0002").containsEntry("W-MIG-0001", 3L);
    }
}
