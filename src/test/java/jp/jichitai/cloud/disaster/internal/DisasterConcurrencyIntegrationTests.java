package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.disaster.DamageRatio;
import jp.jichitai.cloud.disaster.DisasterKind;
import jp.jichitai.cloud.disaster.ReportForm;
import jp.jichitai.cloud.tenancy.TenantContext;

/** Many counters at once: gapless certificate numbers per disaster, and no silent overwrite of a case. */
class DisasterConcurrencyIntegrationTests extends jp.jichitai.cloud.support.IntegrationTest {

    @Autowired
    Disasters disasters;
    @Autowired
    VictimSupport support;
    @Autowired
    CounterCases cases;
    @Autowired
    DisasterCertificates certificates;
    @Autowired
    JdbcResidentDirectory directory;

    @Test
    void twoHundredParallelIssuesInOneDisasterGetTwoHundredDistinctGaplessNumbers() throws Exception {
        DisasterFixture.seed(directory, NAYORO);
        long[] setup = TenantContext.callAs(NAYORO, () -> {
            long disaster = disasters.declare("並行発行試験", DisasterKind.EARTHQUAKE, LocalDate.now().minusDays(1), false, List.of());
            long report = support.report(disaster, DisasterFixture.SATO_ICHIRO, LocalDate.now(), "屋根の損壊");
            support.survey(disaster, report, DamageRatio.of("35"));
            return new long[] {disaster, report};
        });
        int issues = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> serials = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            serials.add(pool.submit(() -> {
                start.await();
                return TenantContext.callAs(NAYORO, () -> certificates.issue(setup[0], setup[1]).serial());
            }));
        }
        start.countDown();
        List<Long> numbers = new ArrayList<>();
        for (Future<Long> serial : serials) {
            numbers.add(serial.get());
        }
        pool.shutdown();

        assertThat(numbers).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, issues).boxed().toList());
        assertThat(TenantContext.callAs(NAYORO, () -> certificates.serialsOf(setup[0], setup[1]))).hasSize(issues);
    }

    @Test
    void theSecondClerkSavingAStaleCaseGetsAConflictAndTheFirstClerksWorkStays() {
        TenantContext.runAs(NAYORO, () -> {
            long disaster = disasters.declare("競合試験", DisasterKind.FIRE, LocalDate.now().minusDays(1), false, List.of());
            long caseId = cases.open(disaster);
            int openedByBoth = cases.require(disaster, caseId).version();

            cases.saveReport(disaster, caseId, openedByBoth, LocalDate.now(), ReportForm.FORM_001, "第一の職員の記録");

            assertThatThrownBy(() -> cases.saveReport(disaster, caseId, openedByBoth, LocalDate.now(), ReportForm.ORAL,
                    "第二の職員の記録"))
                    .isInstanceOf(CaseConflict.class)
                    .hasMessageContaining("他の職員がこの案件を先に更新しました")
                    .satisfies(conflict -> assertThat(((CaseConflict) conflict).current().description())
                            .isEqualTo("第一の職員の記録"));
            CounterCase stored = cases.require(disaster, caseId);
            assertThat(stored.description()).isEqualTo("第一の職員の記録");
            assertThat(stored.reportForm()).isEqualTo(ReportForm.FORM_001);
            assertThat(stored.version()).isEqualTo(openedByBoth + 1);

            cases.saveReport(disaster, caseId, stored.version(), LocalDate.now(), ReportForm.ORAL, "確認のうえ上書き");
            assertThat(cases.require(disaster, caseId).description()).isEqualTo("確認のうえ上書き");
        });
    }
}
