package jp.jichitai.cloud.certificates.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The QR code of a certificate's verification URL, as a one-pixel-per-module image that the PDF scales
 * up (without interpolation, so the modules stay sharp).
 */
final class QrCode {

    // A fixed mask pattern: choosing the best of eight costs a quarter of a certificate's rendering
    // time, and any of the eight is valid and reads reliably for our short URLs (tested by decoding).
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.QR_MASK_PATTERN, 2,
            EncodeHintType.MARGIN, 2,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrCode() {
    }

    static BitMatrix encode(String url) {
        try {
            // Width and height 0: one pixel per module, the smallest exact image.
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + url, e);
        }
    }

    static PDImageXObject image(PDDocument document, String url) throws IOException {
        BitMatrix matrix = encode(url);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return LosslessFactory.createFromImage(document, image);
    }
}
