package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.jichitai.cloud.support.Generators;
import org.junit.jupiter.api.Test;

class SlaPropertiesTests {

    private static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Test
    void mergedDailyHistogramsEqualTheHistogramOfAllRequests() {
        long seed = Generators.seed(20250301L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int caseNumber = 0; caseNumber < Generators.CASES; caseNumber++) {
            List<Duration> firstDay = Generators.listOf(random, 0, 40, SlaPropertiesTests::responseTime);
            List<Duration> secondDay = Generators.listOf(random, 0, 40, SlaPropertiesTests::responseTime);
            String description = String.format("seed %d, case %d: %s and %s", seed, caseNumber, firstDay, secondDay);
            List<Duration> all = new ArrayList<>(firstDay);
            all.addAll(secondDay);
            LatencyHistogram merged = histogram(firstDay).plus(histogram(secondDay));

            assertThat(merged).as(description).isEqualTo(histogram(all));
            assertThat(merged).as(description).isEqualTo(histogram(secondDay).plus(histogram(firstDay)));
            for (Duration target : LatencyBuckets.STANDARD.upperBounds()) {
                long within = all.stream().filter(time -> time.compareTo(target) <= 0).count();
                assertThat(merged.countWithin(target)).as("%s, within %s", description, target).isEqualTo(within);
            }
        }
    }

    @Test
    void availabilityStaysBetweenZeroAndOneAndIgnoresDuplicateRecords() {
        SlaCalculator calculator = new SlaCalculator(
                ServiceWindow.weekdays(LocalTime.of(8, 30), LocalTime.of(17, 15)), Duration.ofSeconds(3));
        long seed = Generators.seed(20250302L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int caseNumber = 0; caseNumber < Generators.CASES; caseNumber++) {
            List<Outage> outages = Generators.listOf(random, 0, 8, SlaPropertiesTests::outage);
            String description = String.format("seed %d, case %d: %s", seed, caseNumber, outages);
            List<Outage> twice = new ArrayList<>(outages);
            twice.addAll(outages);

            MonthlySlaReport report = calculator.report(MONTH, outages, List.of());

            assertThat(report.availability().numerator()).as(description)
                    .isBetween(0L, report.availability().denominator());
            assertThat(report.unplannedOutage().plus(report.plannedMaintenance())).as(description)
                    .isLessThanOrEqualTo(report.serviceTime());
            Duration recordedIncidentTime = outages.stream().filter(outage -> outage.kind() == OutageKind.INCIDENT)
                    .map(outage -> outage.interval().duration()).reduce(Duration.ZERO, Duration::plus);
            assertThat(report.unplannedOutage()).as(description).isLessThanOrEqualTo(recordedIncidentTime);
            MonthlySlaReport duplicated = calculator.report(MONTH, twice, List.of());
            assertThat(duplicated.availability()).as(description).isEqualTo(report.availability());
            assertThat(duplicated.plannedMaintenance()).as(description).isEqualTo(report.plannedMaintenance());
        }
    }

    /** Any time up to 70 s, or exactly a bucket's upper bound, where an off-by-one would show. */
    private static Duration responseTime(SplittableRandom random) {
        return random.nextBoolean()
                ? Duration.ofMillis(Generators.between(random, 0L, 70_000L))
                : Generators.oneOf(random, LatencyBuckets.STANDARD.upperBounds());
    }

    /** Up to three days long, starting on a quarter hour from a week before the month to a week after it. */
    private static Outage outage(SplittableRandom random) {
        LocalDateTime start = LocalDate.of(2025, 5, 25).atStartOfDay()
                .plusMinutes(15L * Generators.between(random, 0, 45 * 24 * 4));
        int minutes = Generators.between(random, 0, 3 * 24 * 60);
        return new Outage(TimeInterval.of(start, start.plusMinutes(minutes)), Generators.oneOf(random, OutageKind.class), "");
    }

    private static LatencyHistogram histogram(List<Duration> times) {
        return LatencyHistogram.of(LatencyBuckets.STANDARD, times.toArray(Duration[]::new));
    }
}
