package jp.jichitai.cloud.certificates.internal;

import java.util.concurrent.TimeUnit;

import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.RenderResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Certificates per second on one thread: the renderer as shipped (font parsed once per process)
 * against the comparison run that parses the font file again for every document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificateRenderingBenchmark {

    @Param({"1", "2"})
    public int pages;

    @Param({"SHARED_PARSED_FONT", "PARSE_FOR_EACH_DOCUMENT"})
    public String fontLoading;

    private PdfCertificateRenderer renderer;
    private CertificateDocument document;

    @Setup
    public void prepare() {
        renderer = BenchmarkDocuments.renderer(fontLoading);
        document = BenchmarkDocuments.residentRecordCopy(pages);
        RenderResult check = renderer.render(document, GaijiTable.NONE);
        if (check.pageCount() != pages) {
            throw new IllegalStateException("expected " + pages + " pages, got " + check.pageCount());
        }
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(document, GaijiTable.NONE).pdf();
    }
}
