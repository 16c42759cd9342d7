package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Failed health-probe minutes as outages, combined with the incident and maintenance records. */
class HealthProbeOutagesTests {

    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);
    private static final SlaCalculator ALL_DAY = new SlaCalculator(ServiceWindow.allDayEveryDay(), Duration.ofSeconds(3));

    @Test
    void consecutiveFailedMinutesMakeOneOutage() {
        List<Outage> outages = HealthProbeOutages.of(List.of(at("2025-06-03T10:02"), at("2025-06-03T10:00"),
                at("2025-06-03T10:01"), at("2025-06-03T10:05:30")));

        assertThat(outages).extracting(Outage::interval).containsExactly(
                new TimeInterval(at("2025-06-03T10:00"), at("2025-06-03T10:03")),
                new TimeInterval(at("2025-06-03T10:05"), at("2025-06-03T10:06")));
        assertThat(outages).allSatisfy(outage -> assertThat(outage.kind()).isEqualTo(OutageKind.INCIDENT));
        assertThat(HealthProbeOutages.of(List.of())).isEmpty();
    }

    @Test
    void theIssuesMonthStillHoldsAndProbeFailuresInsideTheIncidentOrTheMaintenanceAddNothing() {
        List<Outage> outages = new ArrayList<>(List.of(
                Outage.incident(new TimeInterval(at("2025-06-10T10:00"), at("2025-06-10T12:00")), "DB接続障害"),
                Outage.plannedMaintenance(new TimeInterval(at("2025-06-15T01:00"), at("2025-06-15T05:00")), "OS更新")));
        // The probe saw the incident (30 minutes of it) and failed during the planned stop as well.
        List<LocalDateTime> failed = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            failed.add(at("2025-06-10T10:15").plusMinutes(minute));
            failed.add(at("2025-06-15T02:00").plusMinutes(minute));
        }
        outages.addAll(HealthProbeOutages.of(failed));

        MonthlySlaReport report = ALL_DAY.report(JUNE_2025, outages, List.of());

        // Still 714 / 716 hours: 99.72%
        assertThat(report.unplannedOutage()).isEqualTo(Duration.ofHours(2));
        assertThat(report.plannedMaintenance()).isEqualTo(Duration.ofHours(4));
        assertThat(report.availability().display()).isEqualTo("99.72%");
    }

    @Test
    void aFailedMinuteNoRecordKnowsOfBreaksThePromiseOutsideOfficeHoursItDoesNot() {
        List<Outage> outages = HealthProbeOutages.of(List.of(at("2025-06-11T09:00"), at("2025-06-11T09:01"),
                at("2025-06-11T22:00")));
        SlaCalculator office = new SlaCalculator(ServiceWindow.parse("MON-FRI 08:30-17:15"), Duration.ofSeconds(3));

        assertThat(ALL_DAY.report(JUNE_2025, outages, List.of()).unplannedOutage()).isEqualTo(Duration.ofMinutes(3));
        MonthlySlaReport officeHours = office.report(JUNE_2025, outages, List.of());
        // 21 weekdays x 525 min = 11,025 min agreed; 2 of them failed: 11,023 / 11,025 = 99.981...%
        assertThat(officeHours.unplannedOutage()).isEqualTo(Duration.ofMinutes(2));
        assertThat(officeHours.availability().display()).isEqualTo("99.98%");
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }
}
