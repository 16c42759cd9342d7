package jp.jichitai.cloud.certificates.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.GaijiTable;

/**
 * Certificates per second of the rendering thread's own CPU time. The development machine is shared,
 * so wall-clock throughput (JMH) drops when others build; CPU time shows what one core does when it is
 * ours. Prints one line per case: {@code pages fontLoading median min max} over the rounds.
 */
public final class CpuTimeMeasurement {

    private static final String[] CASES = {"SHARED_PARSED_FONT", "PARSE_FOR_EACH_DOCUMENT"};

    public static void main(String[] arguments) {
        int rounds = Integer.parseInt(arguments.length > 0 ? arguments[0] : "7");
        int documentsPerRound = Integer.parseInt(arguments.length > 1 ? arguments[1] : "200");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm every case up before measuring any, so that the first case is not measured half-compiled.
        for (int pages : new int[] {1, 2}) {
            for (String fontLoading : CASES) {
                PdfCertificateRenderer renderer = BenchmarkDocuments.renderer(fontLoading);
                CertificateDocument document = BenchmarkDocuments.residentRecordCopy(pages);
                for (int i = 0; i < documentsPerRound * 2; i++) {
                    renderer.render(document, GaijiTable.NONE);
                }
            }
        }
        for (int pages : new int[] {1, 2}) {
            for (String fontLoading : CASES) {
                PdfCertificateRenderer renderer = BenchmarkDocuments.renderer(fontLoading);
                CertificateDocument document = BenchmarkDocuments.residentRecordCopy(pages);
                double[] rates = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < documentsPerRound; i++) {
                        renderer.render(document, GaijiTable.NONE);
                    }
                    rates[round] = documentsPerRound / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
                }
                Arrays.sort(rates);
                System.out.printf("%d %s %.1f %.1f %.1f%n", pages, fontLoading, rates[rounds / 2], rates[0],
                        rates[rounds - 1]);
            }
        }
    }
}
