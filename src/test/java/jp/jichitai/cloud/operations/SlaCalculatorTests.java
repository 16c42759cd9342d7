package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import jp.jichitai.cloud.shared.BusinessException;
import org.junit.jupiter.api.Test;

class SlaCalculatorTests {

    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);
    private static final Duration THREE_SECONDS = Duration.ofSeconds(3);
    private static final SlaCalculator ALL_DAY = new SlaCalculator(ServiceWindow.allDayEveryDay(), THREE_SECONDS);
    private static final SlaCalculator OFFICE_HOURS = new SlaCalculator(
            ServiceWindow.weekdays(LocalTime.of(8, 30), LocalTime.of(17, 15)), THREE_SECONDS);

    @Test
    void thirtyDayMonthWithATwoHourIncidentAndAFourHourMaintenance() {
        List<Outage> outages = List.of(
                Outage.incident(between("2025-06-10T10:00", "2025-06-10T12:00"), "DB接続障害"),
                Outage.plannedMaintenance(between("2025-06-15T01:00", "2025-06-15T05:00"), "OS更新"));

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, outages, List.of());

        // S = 30 days x 24 h = 720 h, P = 4 h, U = 2 h
        // availability = (720 - 4 - 2) / (720 - 4) = 714 / 716 = 99.7206703...% -> shown truncated as 99.72%
        assertThat(report.serviceTime()).isEqualTo(Duration.ofHours(720));
        assertThat(report.plannedMaintenance()).isEqualTo(Duration.ofHours(4));
        assertThat(report.unplannedOutage()).isEqualTo(Duration.ofHours(2));
        assertThat(report.availability())
                .isEqualTo(new Rate(Duration.ofHours(714).toMillis(), Duration.ofHours(716).toMillis()));
        assertThat(report.availability().percent(4)).contains(new BigDecimal("99.7206"));
        assertThat(report.availability().display()).isEqualTo("99.72%");
        assertThat(report.incidentCount()).isEqualTo(1);
    }

    @Test
    void overlappingIncidentsAreCountedOnce() {
        List<Outage> outages = List.of(
                Outage.incident(between("2025-06-10T10:00", "2025-06-10T12:00"), "障害A"),
                Outage.incident(between("2025-06-10T11:00", "2025-06-10T13:00"), "障害B（同時発生）"),
                Outage.incident(between("2025-06-10T11:30", "2025-06-10T11:45"), "障害C（Bの内側）"));

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, outages, List.of());

        // 10:00 to 13:00, not 2 h + 2 h + 15 min
        assertThat(report.unplannedOutage()).isEqualTo(Duration.ofHours(3));
        assertThat(report.incidentCount()).isEqualTo(3);
    }

    @Test
    void incidentDuringPlannedMaintenanceIsNotCountedTwice() {
        List<Outage> outages = List.of(
                Outage.plannedMaintenance(between("2025-06-15T01:00", "2025-06-15T05:00"), "OS更新"),
                Outage.incident(between("2025-06-15T04:00", "2025-06-15T06:00"), "更新後の起動失敗"));

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, outages, List.of());

        // 04:00-05:00 is planned already; only 05:00-06:00 breaks the promise
        assertThat(report.plannedMaintenance()).isEqualTo(Duration.ofHours(4));
        assertThat(report.unplannedOutage()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void incidentSpanningAMonthBoundaryCountsInBothMonthsByItsOwnPart() {
        List<Outage> outages = List.of(
                Outage.incident(between("2025-05-31T23:00", "2025-06-01T02:00"), "ネットワーク障害"));

        MonthlySlaReport may = ALL_DAY.report(YearMonth.of(2025, 5), outages, List.of());
        MonthlySlaReport june = ALL_DAY.report(JUNE_2025, outages, List.of());

        assertThat(may.unplannedOutage()).isEqualTo(Duration.ofHours(1));
        assertThat(june.unplannedOutage()).isEqualTo(Duration.ofHours(2));
        assertThat(may.incidentCount()).isEqualTo(1);
        assertThat(june.incidentCount()).isEqualTo(1);
        // May: 31 x 24 = 744 h, 743 / 744
        assertThat(may.availability()).isEqualTo(new Rate(Duration.ofHours(743).toMillis(), Duration.ofHours(744).toMillis()));
    }

    @Test
    void officeHoursWindowClipsIncidentsToServiceHours() {
        // June 2025 starts on a Sunday: weekdays 2-6, 9-13, 16-20, 23-27, 30 = 21 days of 8 h 45 min
        // S = 21 x 525 min = 11,025 min = 183.75 h
        // incident Fri 6th 16:00 to Mon 9th 09:30: 16:00-17:15 (75 min) + 08:30-09:30 (60 min) = 135 min
        // maintenance all Saturday 7th: outside service hours, P = 0
        // availability = (11,025 - 135) / 11,025 = 98.7755...%
        List<Outage> outages = List.of(
                Outage.incident(between("2025-06-06T16:00", "2025-06-09T09:30"), "ストレージ障害"),
                Outage.plannedMaintenance(between("2025-06-07T00:00", "2025-06-08T00:00"), "休日保守"));

        MonthlySlaReport report = OFFICE_HOURS.report(JUNE_2025, outages, List.of());

        assertThat(report.serviceTime()).isEqualTo(Duration.ofMinutes(21 * 525));
        assertThat(report.plannedMaintenance()).isEqualTo(Duration.ZERO);
        assertThat(report.unplannedOutage()).isEqualTo(Duration.ofMinutes(135));
        assertThat(report.availability().display()).isEqualTo("98.77%");
    }

    @Test
    void closedDaysAreNotServiceTime() {
        // July 2025: 23 weekdays, less 海の日 (Monday 21st) = 22 days of 525 min
        ServiceWindow window = ServiceWindow.weekdays(LocalTime.of(8, 30), LocalTime.of(17, 15))
                .closedOn(Set.of(LocalDate.of(2025, 7, 21)));

        assertThat(window.serviceTime(YearMonth.of(2025, 7))).isEqualTo(Duration.ofMinutes(22 * 525));
        assertThat(window.on(LocalDate.of(2025, 7, 21))).isEmpty();
    }

    @Test
    void requestsAnsweredInExactlyTheTargetComply() {
        LatencyHistogram histogram = LatencyHistogram.of(LatencyBuckets.STANDARD,
                Duration.ofMillis(3_000), Duration.ofMillis(3_000), Duration.ofMillis(2_999),
                Duration.ofMillis(3_001), Duration.ofSeconds(10));
        DailyAggregate day = new DailyAggregate(LocalDate.of(2025, 6, 2), histogram, BatchTally.NONE);

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, List.of(), List.of(day));

        // 3.000, 3.000 and 2.999 s are within 3 s; 3.001 and 10 s are not: 3 / 5 = 60%
        assertThat(report.onlineRequests()).isEqualTo(5);
        assertThat(report.onlineResponseCompliance()).isEqualTo(new Rate(3, 5));
        assertThat(report.onlineResponseCompliance().display()).isEqualTo("60.00%");
    }

    @Test
    void aMonthWithNoRequestsIsNotApplicableRatherThanFullyCompliant() {
        DailyAggregate quietDay = DailyAggregate.empty(LocalDate.of(2025, 6, 2), LatencyBuckets.STANDARD);

        MonthlySlaReport withEmptyDay = ALL_DAY.report(JUNE_2025, List.of(), List.of(quietDay));
        MonthlySlaReport withoutDays = ALL_DAY.report(JUNE_2025, List.of(), List.of());

        for (MonthlySlaReport report : List.of(withEmptyDay, withoutDays)) {
            assertThat(report.onlineResponseCompliance().isApplicable()).isFalse();
            assertThat(report.onlineResponseCompliance().percent()).isEmpty();
            assertThat(report.onlineResponseCompliance().display()).isEqualTo("n/a");
            assertThat(report.onlineResponseCompliance().meets(new BigDecimal("90"))).isFalse();
            assertThat(report.batchCompliance().display()).isEqualTo("n/a");
        }
    }

    @Test
    void batchRunsComplyWithTheirOwnTargets() {
        BatchTally tally = BatchTally.NONE
                .withRun(Duration.ofMinutes(60), Duration.ofMinutes(60))   // exactly on target: complies
                .withRun(Duration.ofMinutes(30), Duration.ofMinutes(31))   // late
                .withRun(Duration.ofMinutes(120), Duration.ofMinutes(45)); // early
        DailyAggregate first = new DailyAggregate(LocalDate.of(2025, 6, 2),
                LatencyHistogram.empty(LatencyBuckets.STANDARD), tally);
        DailyAggregate second = new DailyAggregate(LocalDate.of(2025, 6, 3),
                LatencyHistogram.empty(LatencyBuckets.STANDARD),
                BatchTally.NONE.withRun(Duration.ofMinutes(10), Duration.ofMinutes(11)));

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, List.of(), List.of(first, second));

        assertThat(report.batchRuns()).isEqualTo(4);
        assertThat(report.batchCompliance()).isEqualTo(new Rate(2, 4));
    }

    @Test
    void refusesADayOfAnotherMonth() {
        DailyAggregate julyDay = DailyAggregate.empty(LocalDate.of(2025, 7, 1), LatencyBuckets.STANDARD);

        assertThatThrownBy(() -> ALL_DAY.report(JUNE_2025, List.of(), List.of(julyDay)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-OPS-0007"));
    }

    @Test
    void refusesATargetBetweenBucketBounds() {
        SlaCalculator calculator = new SlaCalculator(ServiceWindow.allDayEveryDay(), Duration.ofMillis(2_500));
        DailyAggregate day = new DailyAggregate(LocalDate.of(2025, 6, 2),
                LatencyHistogram.of(LatencyBuckets.STANDARD, Duration.ofSeconds(1)), BatchTally.NONE);

        assertThatThrownBy(() -> calculator.report(JUNE_2025, List.of(), List.of(day)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageId().value()).isEqualTo("E-OPS-0004");
                    assertThat(e.japaneseMessage()).contains("境界");
                });
    }

    @Test
    void refusesWindowsThatEndBeforeTheyStartOrAnIntervalBackwards() {
        assertThatThrownBy(() -> ServiceWindow.weekdays(LocalTime.of(17, 15), LocalTime.of(8, 30)))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-OPS-0002"));
        assertThatThrownBy(() -> between("2025-06-10T12:00", "2025-06-10T10:00"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageId().value()).isEqualTo("E-OPS-0001"));
    }

    @Test
    void aMonthWithoutServiceHoursHasNoAvailability() {
        SlaCalculator sundaysOnly = new SlaCalculator(
                ServiceWindow.of(Set.of(java.time.DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(10, 0))
                        .closedOn(Set.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 15),
                                LocalDate.of(2025, 6, 22), LocalDate.of(2025, 6, 29))),
                THREE_SECONDS);

        assertThat(sundaysOnly.report(JUNE_2025, List.of(), List.of()).availability().display()).isEqualTo("n/a");
    }

    static TimeInterval between(String start, String end) {
        return TimeInterval.of(LocalDateTime.parse(start), LocalDateTime.parse(end));
    }
}
