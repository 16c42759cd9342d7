package jp.jichitai.cloud.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class VerificationTests {

    @Test
    void generatesTwelveCharactersFromTheUnambiguousAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            VerificationCode code = VerificationCode.random();
            assertThat(code.value()).hasSize(12).doesNotContain("0", "O", "1", "I", "L");
            assertThat(code.value().chars()).allMatch(c -> VerificationCode.ALPHABET.indexOf(c) >= 0);
            seen.add(code.value());
        }
        assertThat(seen).as("2000 random codes of 59 bits do not collide").hasSize(2000);
    }

    @Test
    void usesTheWholeAlphabet() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            VerificationCode.random().value().chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(VerificationCode.ALPHABET.length());
    }

    @Test
    void readsTheCodeAsPrintedOrAsTyped() {
        VerificationCode code = VerificationCode.of("ABCD-EFGH-JKMN");
        assertThat(code.value()).isEqualTo("ABCDEFGHJKMN");
        assertThat(code.grouped()).isEqualTo("ABCD-EFGH-JKMN");
        assertThat(VerificationCode.of("ABCDEFGHJKMN")).isEqualTo(code);
    }

    @Test
    void refusesCodesWithAmbiguousCharactersOrTheWrongLength() {
        assertThatThrownBy(() -> VerificationCode.of("ABCD-EFGH-JKM0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationCode.of("ABCDEFGHJKMNP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationCode.of("abcdefghjkmn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationCode.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qrCodeOnThePageEncodesTheVerificationUrl() throws Exception {
        VerificationCode code = VerificationCode.random();
        RenderResult result = CertificateRenderer.create(URI.create("https://cloud.example.jp"))
                .render(CertificateFixture.residentRecordCopy(2, code));

        try (PDDocument pdf = Loader.loadPDF(result.pdf())) {
            PDResources resources = pdf.getPage(0).getResources();
            List<COSName> images = new java.util.ArrayList<>();
            resources.getXObjectNames().forEach(images::add);
            assertThat(images).hasSize(1);
            BufferedImage image = ((PDImageXObject) resources.getXObject(images.get(0))).getImage();

            assertThat(decode(image)).isEqualTo("https://cloud.example.jp/verify/" + code.value());
        }
    }

    private static String decode(BufferedImage small) throws Exception {
        int scale = 8;
        int width = small.getWidth() * scale;
        int height = small.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = small.getRGB(x / scale, y / scale);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
