package jp.jichitai.cloud.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificateRendererConcurrencyTests {

    private static final int THREADS = 8;
    private static final int DOCUMENTS_PER_THREAD = 50;

    @Test
    void rendersConcurrentlyWithOneSharedFontAndIdenticalDigestsForIdenticalInput() throws Exception {
        CertificateRenderer renderer = CertificateRenderer.create(URI.create("https://cloud.example.jp"));
        CertificateDocument document = CertificateFixture.residentRecordCopy(6, VerificationCode.of("ABCD-EFGH-JKMN"));
        Set<ContentDigest> digests = ConcurrentHashMap.newKeySet();
        Set<Integer> pageCounts = ConcurrentHashMap.newKeySet();
        Set<Integer> substitutionCounts = ConcurrentHashMap.newKeySet();
        List<byte[]> lastOfEachThread = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit(() -> {
                    start.await();
                    RenderResult result = null;
                    for (int i = 0; i < DOCUMENTS_PER_THREAD; i++) {
                        result = renderer.render(document, CertificateFixture.GAIJI_TABLE);
                        digests.add(result.contentDigest());
                        pageCounts.add(result.pageCount());
                        substitutionCounts.add(result.substitutions().size());
                    }
                    lastOfEachThread.add(result.pdf());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(digests).containsExactly(ContentDigest.of(document));
        assertThat(pageCounts).containsExactly(2);
        assertThat(substitutionCounts).containsExactly(3);
        assertThat(lastOfEachThread).hasSize(THREADS);
        String expected = text(renderer.render(document, CertificateFixture.GAIJI_TABLE).pdf());
        assertThat(lastOfEachThread).allSatisfy(pdf -> assertThat(text(pdf)).isEqualTo(expected));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
