package jp.jichitai.cloud.certificates;

import static jp.jichitai.cloud.certificates.CertificateFixture.CERTIFICATION_DATE;
import static jp.jichitai.cloud.certificates.CertificateFixture.CERTIFICATION_TEXT;
import static jp.jichitai.cloud.certificates.CertificateFixture.GAIJI_TABLE;
import static jp.jichitai.cloud.certificates.CertificateFixture.GAIJI_WITHOUT_SUBSTITUTE;
import static jp.jichitai.cloud.certificates.CertificateFixture.GAIJI_WITH_SUBSTITUTE;
import static jp.jichitai.cloud.certificates.CertificateFixture.ISSUER;
import static jp.jichitai.cloud.certificates.CertificateFixture.NOT_IN_FONT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.support.PdfText;

class CertificateRendererTests {

    private static final CertificateRenderer RENDERER = CertificateRenderer.create(URI.create("https://cloud.example.jp/"));
    private static final VerificationCode CODE = VerificationCode.of("ABCD-EFGH-JKMN");

    private static CertificateDocument document;
    private static RenderResult result;
    private static List<String> pages;

    @BeforeAll
    static void renderHouseholdOfSix() throws IOException {
        document = CertificateFixture.residentRecordCopy(6, CODE);
        result = RENDERER.render(document, GAIJI_TABLE);
        pages = textOfPages(result.pdf());
    }

    @Test
    void printsNamesWithVariantCharactersAndCircledDigits() {
        String all = String.join("\n", pages);
        assertThat(all).contains("髙橋　一郎", "山﨑　花子", "髙橋　①子");
        assertThat(all).doesNotContain("高橋　一郎");
    }

    @Test
    void numbersEveryPageAndCertifiesOnTheLastPageOnly() {
        assertThat(result.pageCount()).isEqualTo(2);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("20251126 名寄市 本庁1 プリンタ001 011 1/2")
                .doesNotContain(CERTIFICATION_TEXT).doesNotContain(ISSUER);
        assertThat(pages.get(1)).contains("20251126 名寄市 本庁1 プリンタ001 011 2/2")
                .contains(CERTIFICATION_TEXT, CERTIFICATION_DATE, ISSUER, "公印");
        assertThat(pages).allSatisfy(page -> assertThat(page).contains("住民票の写し", "ABCD-EFGH-JKMN",
                "https://cloud.example.jp/verify/ABCDEFGHJKMN"));
    }

    @Test
    void printsTheSubstituteOfAMappedGaijiAndReportsIt() {
        assertThat(String.join("\n", pages)).contains("渡邉　次郎");
        assertThat(result.substitutions()).filteredOn(s -> s.reason() == SubstitutionReason.GAIJI_SUBSTITUTED)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.original()).isEqualTo(new String(Character.toChars(GAIJI_WITH_SUBSTITUTE)));
                    assertThat(s.printed()).isEqualTo("邉");
                    assertThat(s.field()).isEqualTo("sections[3].rows[0].value");
                    assertThat(s.offset()).isEqualTo(1);
                });
    }

    @Test
    void printsGetaForAnUnmappedGaijiAndACharacterTheFontLacksAndReportsBoth() {
        String all = String.join("\n", pages);
        assertThat(all).contains("渡〓　三郎", "〓野　四郎").doesNotContain(NOT_IN_FONT);
        assertThat(result.unprintable()).extracting(CharacterSubstitution::reason, CharacterSubstitution::original,
                CharacterSubstitution::field, CharacterSubstitution::page)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubstitutionReason.GAIJI_WITHOUT_SUBSTITUTE,
                                new String(Character.toChars(GAIJI_WITHOUT_SUBSTITUTE)), "sections[4].rows[0].value", 2),
                        org.assertj.core.groups.Tuple.tuple(SubstitutionReason.NOT_IN_FONT, NOT_IN_FONT,
                                "sections[5].rows[0].value", 2));
        assertThat(result.unprintable().get(1).originalCodePoints()).isEqualTo("U+20BB7");
    }

    @Test
    void printsTheBaseOfAnIdeographicVariationSequenceAndReportsTheDroppedSelector() throws IOException {
        String withSelector = "葛" + new String(Character.toChars(0xE0100)) + "西　五郎";
        CertificateDocument ivs = CertificateDocument.builder(CertificateFixture.NAYORO, CertificateFixture.RESIDENT_RECORD_COPY)
                .section(FieldBlock.of("", FieldRow.of("氏名", withSelector)))
                .certification(CERTIFICATION_TEXT, CERTIFICATION_DATE, ISSUER)
                .issueNumber(CertificateFixture.ISSUE_NUMBER)
                .verificationCode(CODE)
                .build();

        RenderResult printed = RENDERER.render(ivs);

        assertThat(textOfPages(printed.pdf()).get(0)).contains("葛西　五郎");
        assertThat(printed.substitutions()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SubstitutionReason.VARIATION_SELECTOR_DROPPED);
            assertThat(s.original()).isEqualTo("葛" + new String(Character.toChars(0xE0100)));
            assertThat(s.printed()).isEqualTo("葛");
            assertThat(s.page()).isEqualTo(1);
        });
    }

    @Test
    void printsWithoutSubstitutionsWhenEveryCharacterIsInTheFont() {
        RenderResult plain = RENDERER.render(CertificateFixture.residentRecordCopy(3, CODE), GAIJI_TABLE);
        assertThat(plain.printedAsGiven()).isTrue();
        assertThat(plain.pageCount()).isEqualTo(1);
    }

    @Test
    void embedsTheFontAsASubset() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                // A subset's name starts with six capitals and a plus sign.
                assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexMincho");
            });
        }
    }

    @Test
    void pdffontsReportsTheFontEmbedded(@TempDir Path directory) throws Exception {
        Path pdffonts = Path.of("/usr/bin/pdffonts");
        if (!Files.isExecutable(pdffonts)) {
            assertThat(System.getenv("CI")).as("pdffonts (poppler-utils) must be installed on CI").isNotEqualTo("true");
            assumeThat(false).as("pdffonts is not installed").isTrue();
        }
        Path file = directory.resolve("certificate.pdf");
        Files.write(file, result.pdf());
        Process process = new ProcessBuilder(pdffonts.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> lines = output.lines().toList();
        int embeddedColumn = lines.get(0).indexOf("emb");
        List<String> fontLines = lines.subList(2, lines.size());
        assertThat(fontLines).isNotEmpty().allSatisfy(line -> {
            assertThat(line).contains("IPAexMincho");
            assertThat(line.substring(embeddedColumn, embeddedColumn + 3).strip()).isEqualTo("yes");
        });
    }

    @Test
    void stampsOfficialUseAndDrillOnEveryPage() throws IOException {
        CertificateDocument base = CertificateFixture.residentRecordCopy(6, CODE);
        CertificateDocument marked = new CertificateDocument(base.tenant(), base.kind(), base.title(), base.header(),
                base.sections(), base.footerLines(), base.certification(), java.util.EnumSet.of(Marking.OFFICIAL_USE, Marking.DRILL),
                base.issueNumber(), base.verificationCode());

        List<String> markedPages = textOfPages(RENDERER.render(marked, GAIJI_TABLE).pdf());

        assertThat(markedPages).hasSize(2).allSatisfy(page -> assertThat(page).contains("公用", "訓練"));
        assertThat(pages).noneSatisfy(page -> assertThat(page).contains("公用"));
        assertThat(pages).noneSatisfy(page -> assertThat(page).contains("訓練"));
    }

    @Test
    void aSpecimenIsMarkedOnEveryPageAndCarriesNothingToVerify() throws IOException {
        RenderResult specimen = RENDERER.render(document.asSpecimen(), GAIJI_TABLE);
        List<String> specimenPages = textOfPages(specimen.pdf());

        assertThat(specimenPages).hasSize(2).allSatisfy(page -> assertThat(page).contains("見本", "住民票の写し")
                .doesNotContain("ABCD-EFGH-JKMN").doesNotContain("/verify/").doesNotContain("プリンタ001"));
        assertThat(specimenPages.get(0)).contains("発行番号　見本 1/2");
        assertThat(specimenPages.get(1)).contains(CERTIFICATION_TEXT, ISSUER);
        assertThat(specimen.verificationCode()).isNull();
        // The same content, 外字 through the same table, as the certificate itself.
        assertThat(String.join("\n", specimenPages)).contains("髙橋　一郎", "渡邉　次郎");
        assertThat(specimen.substitutions()).isEqualTo(result.substitutions());
        assertThat(pages).noneSatisfy(page -> assertThat(page).contains("見本"));
        try (PDDocument pdf = Loader.loadPDF(specimen.pdf())) {
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getResources().getXObjectNames()).as("no QR code image").isEmpty();
            }
        }
    }

    @Test
    void aSpecimenCannotCarryANumberOrCode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CertificateDocument(document.tenant(),
                document.kind(), document.title(), document.header(), document.sections(), document.footerLines(),
                document.certification(), java.util.Set.of(Marking.SPECIMEN), document.issueNumber(), null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CertificateDocument(document.tenant(),
                document.kind(), document.title(), document.header(), document.sections(), document.footerLines(),
                document.certification(), java.util.Set.of(Marking.SPECIMEN), null, CODE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shrinksOrWrapsLongTextButNeverCutsIt() throws IOException {
        String longAddress = "北海道名寄市字徳田123番地の45　名寄グリーンハイツ東棟1203号室（方書：株式会社髙﨑商事社宅）";
        String veryLong = "備考".repeat(1) + "これは非常に長い備考欄の記載であり、最小の文字の大きさでも一行には収まらないため折り返して印刷される。"
                .repeat(3);
        CertificateDocument document = CertificateDocument.builder(CertificateFixture.NAYORO, CertificateFixture.RESIDENT_RECORD_COPY)
                .section(FieldBlock.of("", FieldRow.of("住所", longAddress), FieldRow.of("備考", veryLong)))
                .certification(CERTIFICATION_TEXT, CERTIFICATION_DATE, ISSUER)
                .issueNumber(CertificateFixture.ISSUE_NUMBER)
                .verificationCode(CODE)
                .build();

        String printed = withoutLineBreaks(textOfPages(RENDERER.render(document).pdf()).get(0));

        assertThat(printed).contains(withoutLineBreaks(longAddress), withoutLineBreaks(veryLong));
    }

    @Test
    void breaksALongTableOverPagesRepeatingItsColumnTitles() throws IOException {
        RenderResult table = RENDERER.render(CertificateFixture.damageCertificate(60, CODE), GAIJI_TABLE);
        List<String> tablePages = textOfPages(table.pdf());

        assertThat(table.pageCount()).isGreaterThan(1).isEqualTo(tablePages.size());
        assertThat(tablePages).filteredOn(page -> page.contains("昭和50年1月1日"))
                .hasSizeGreaterThan(1)
                .allSatisfy(page -> assertThat(page).contains("氏名 続柄 生年月日"));
        assertThat(tablePages.get(1)).contains("世帯構成員（続き）");
        assertThat(tablePages.get(tablePages.size() - 1)).contains("上記のとおり相違ないことを証明します。");
        int rowsPrinted = 0;
        for (String page : tablePages) {
            rowsPrinted += page.split("昭和50年1月1日", -1).length - 1;
        }
        assertThat(rowsPrinted).isEqualTo(60);
    }

    @Test
    void carriesTheContentDigestOfTheDocumentNotOfThePdf() {
        RenderResult again = RENDERER.render(document, GAIJI_TABLE);
        assertThat(result.contentDigest()).isEqualTo(ContentDigest.of(document)).isEqualTo(again.contentDigest());
        assertThat(result.verificationCode()).isEqualTo(CODE);
    }

    static List<String> textOfPages(byte[] pdf) throws IOException {
        return PdfText.pages(pdf);
    }

    private static String withoutLineBreaks(String text) {
        return text.replaceAll("[\\r\\n]", "");
    }
}
