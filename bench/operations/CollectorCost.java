import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The collector's own cost per request, apart from any server: what the timing filter adds to a
 * request (two System.nanoTime calls and one recordRequest), in nanoseconds, single-threaded and with
 * two threads recording for the same town at once. Run by bench/operations/run against target/classes.
 */
public class CollectorCost {

    public static void main(String[] args) throws Throwable {
        Class<?> bucketsClass = Class.forName("jp.jichitai.cloud.operations.LatencyBuckets");
        Object standard = bucketsClass.getField("STANDARD").get(null);
        Class<?> collectorClass = Class.forName("jp.jichitai.cloud.operations.internal.MeasurementCollector");
        Constructor<?> constructor = collectorClass.getDeclaredConstructor(bucketsClass);
        constructor.setAccessible(true);
        Object collector = constructor.newInstance(standard);
        var method = collectorClass.getDeclaredMethod("recordRequest", String.class, LocalDate.class, long.class);
        method.setAccessible(true);
        MethodHandle record = MethodHandles.lookup().unreflect(method)
                .asType(MethodType.methodType(void.class, Object.class, String.class, LocalDate.class, long.class));
        LocalDate day = LocalDate.now();
        int perRound = 2_000_000;
        double[] single = new double[7];
        for (int round = 0; round < single.length; round++) {
            single[round] = run(record, collector, day, perRound);
        }
        double[] twoThreads = new double[5];
        for (int round = 0; round < twoThreads.length; round++) {
            double[] result = new double[2];
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int index = t;
                threads[t] = new Thread(() -> {
                    try {
                        result[index] = run(record, collector, day, perRound);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            twoThreads[round] = Math.max(result[0], result[1]);
        }
        System.out.printf("%.1f %.1f%n", median(Arrays.copyOfRange(single, 2, single.length)), median(twoThreads));
    }

    /** CPU time per recorded request, so that other processes on a shared machine do not count. */
    private static double run(MethodHandle record, Object collector, LocalDate day, int count) throws Throwable {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            long requestStarted = System.nanoTime();
            record.invokeExact(collector, "012211", day, System.nanoTime() - requestStarted + (i & 1023) * 1_000_000L);
        }
        return (threads.getCurrentThreadCpuTime() - started) / (double) count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
