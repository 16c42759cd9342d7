package jp.jichitai.cloud.operations;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import jp.jichitai.cloud.operations.internal.IntervalSet;

/**
 * SLA計算 (SLA calculation) of one month from the outage records and the daily aggregates: the SLA
 * items of the source document (サービス提供時間, サービス稼働率, オンライン応答時間遵守率,
 * バッチ処理時間遵守率).
 *
 * <p>稼働率 (availability) is the share of the agreed time during which the service ran:
 * {@code (S − P − U) / (S − P)}, where S is the service time of the month, P the planned maintenance
 * within it, and U the incidents within it outside planned maintenance. Planned maintenance is agreed
 * in advance, so it leaves the promise rather than breaking it; it is shown separately. (Read
 * literally, "(service time − unplanned) / (service time − planned)" would exceed 100%; the numerator
 * is the agreed time, service time less planned maintenance, less the incidents.)
 *
 * <p>Outages are clipped to the month and to the service hours, and overlapping outages are merged,
 * so an hour covered by two incident records is counted once.
 */
public final class SlaCalculator {

    private final ServiceWindow serviceWindow;
    private final Duration onlineResponseTarget;

    /**
     * @param onlineResponseTarget the online response-time target, e.g. 3 seconds; it must be a bound of
     *                             the buckets the daily aggregates use, so that compliance is exact
     */
    public SlaCalculator(ServiceWindow serviceWindow, Duration onlineResponseTarget) {
        this.serviceWindow = Objects.requireNonNull(serviceWindow, "serviceWindow");
        this.onlineResponseTarget = Objects.requireNonNull(onlineResponseTarget, "onlineResponseTarget");
    }

    public MonthlySlaReport report(YearMonth month, Collection<Outage> outages, Collection<DailyAggregate> days) {
        IntervalSet service = IntervalSet.unionOf(serviceWindow.within(month));
        IntervalSet planned = IntervalSet.unionOf(intervalsOf(outages, OutageKind.PLANNED_MAINTENANCE));
        IntervalSet incidents = IntervalSet.unionOf(intervalsOf(outages, OutageKind.INCIDENT));

        Duration serviceTime = service.totalDuration();
        Duration plannedTime = service.intersect(planned).totalDuration();
        // Incident time inside planned maintenance is already excluded with it.
        Duration unplannedTime = service.intersect(planned.union(incidents)).totalDuration().minus(plannedTime);
        long agreedMillis = serviceTime.minus(plannedTime).toMillis();
        Rate availability = new Rate(agreedMillis - unplannedTime.toMillis(), agreedMillis);

        TimeInterval wholeMonth = new TimeInterval(month.atDay(1).atStartOfDay(),
                month.plusMonths(1).atDay(1).atStartOfDay());
        int incidentCount = (int) outages.stream()
                .filter(outage -> outage.kind() == OutageKind.INCIDENT)
                .filter(outage -> outage.interval().intersection(wholeMonth).isPresent())
                .count();

        LatencyHistogram online = null;
        BatchTally batch = BatchTally.NONE;
        for (DailyAggregate day : days) {
            if (!YearMonth.from(day.day()).equals(month)) {
                throw OperationsMessages.refusal("E-OPS-0007", day.day(), month);
            }
            online = online == null ? day.online() : online.plus(day.online());
            batch = batch.plus(day.batch());
        }
        long requests = online == null ? 0 : online.total();
        Rate onlineCompliance = online == null ? new Rate(0, 0) : online.complianceWith(onlineResponseTarget);

        return new MonthlySlaReport(month, serviceTime, plannedTime, unplannedTime, incidentCount, availability,
                requests, onlineCompliance, batch.runs(), batch.compliance());
    }

    private static List<TimeInterval> intervalsOf(Collection<Outage> outages, OutageKind kind) {
        return outages.stream().filter(outage -> outage.kind() == kind).map(Outage::interval).toList();
    }
}
