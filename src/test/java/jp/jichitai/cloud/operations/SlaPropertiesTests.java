package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SlaPropertiesTests {

    private static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Property(tries = 300)
    void mergedDailyHistogramsEqualTheHistogramOfAllRequests(
            @ForAll @Size(max = 40) List<@From("responseTimes") Duration> firstDay,
            @ForAll @Size(max = 40) List<@From("responseTimes") Duration> secondDay) {
        List<Duration> all = new ArrayList<>(firstDay);
        all.addAll(secondDay);
        LatencyHistogram merged = histogram(firstDay).plus(histogram(secondDay));

        assertThat(merged).isEqualTo(histogram(all));
        assertThat(merged).isEqualTo(histogram(secondDay).plus(histogram(firstDay)));
        for (Duration target : LatencyBuckets.STANDARD.upperBounds()) {
            long within = all.stream().filter(time -> time.compareTo(target) <= 0).count();
            assertThat(merged.countWithin(target)).isEqualTo(within);
        }
    }

    @Property(tries = 300)
    void availabilityStaysBetweenZeroAndOneAndIgnoresDuplicateRecords(
            @ForAll @Size(max = 8) List<@From("outages") Outage> outages) {
        SlaCalculator calculator = new SlaCalculator(
                ServiceWindow.weekdays(LocalTime.of(8, 30), LocalTime.of(17, 15)), Duration.ofSeconds(3));
        List<Outage> twice = new ArrayList<>(outages);
        twice.addAll(outages);

        MonthlySlaReport report = calculator.report(MONTH, outages, List.of());

        assertThat(report.availability().numerator()).isBetween(0L, report.availability().denominator());
        assertThat(report.unplannedOutage().plus(report.plannedMaintenance())).isLessThanOrEqualTo(report.serviceTime());
        Duration recordedIncidentTime = outages.stream().filter(outage -> outage.kind() == OutageKind.INCIDENT)
                .map(outage -> outage.interval().duration()).reduce(Duration.ZERO, Duration::plus);
        assertThat(report.unplannedOutage()).isLessThanOrEqualTo(recordedIncidentTime);
        MonthlySlaReport duplicated = calculator.report(MONTH, twice, List.of());
        assertThat(duplicated.availability()).isEqualTo(report.availability());
        assertThat(duplicated.plannedMaintenance()).isEqualTo(report.plannedMaintenance());
    }

    @Provide
    Arbitrary<Duration> responseTimes() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 70_000).map(Duration::ofMillis),
                Arbitraries.of(LatencyBuckets.STANDARD.upperBounds()));
    }

    @Provide
    Arbitrary<Outage> outages() {
        LocalDateTime monthStart = LocalDate.of(2025, 5, 25).atStartOfDay();
        Arbitrary<LocalDateTime> starts = Arbitraries.integers().between(0, 45 * 24 * 4)
                .map(quarter -> monthStart.plusMinutes(15L * quarter));
        Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 3 * 24 * 60);
        Arbitrary<OutageKind> kinds = Arbitraries.of(OutageKind.class);
        return Combinators.combine(starts, minutes, kinds)
                .as((start, length, kind) -> new Outage(TimeInterval.of(start, start.plusMinutes(length)), kind, ""));
    }

    private static LatencyHistogram histogram(List<Duration> times) {
        return LatencyHistogram.of(LatencyBuckets.STANDARD, times.toArray(Duration[]::new));
    }
}
