package jp.jichitai.cloud.certificates.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.jichitai.cloud.certificates.BodySection;
import jp.jichitai.cloud.certificates.CertificateDocument;
import jp.jichitai.cloud.certificates.CharacterSubstitution;
import jp.jichitai.cloud.certificates.FieldBlock;
import jp.jichitai.cloud.certificates.FieldRow;
import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.Marking;
import jp.jichitai.cloud.certificates.Table;
import jp.jichitai.cloud.certificates.TableColumn;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/**
 * Places a certificate on A4 portrait pages: decides the page breaks, fits every text into its cell,
 * and collects the drawing operations of each page and the character substitutions with the page they
 * were printed on. Used once, by one thread, for one document.
 *
 * <p>Page structure: markings and title at the top of every page; header block on the first page;
 * body rows flowing over pages (a section continued on a new page repeats its heading with 「（続き）」
 * and a table its column titles); the 認証文 block on the last page, which gets a page of its own when it
 * does not fit under the body; footer lines, verification code, QR code and issue number at the foot of
 * every page. A 見本 has placeholders where the verification code, its URL, the QR code and the issue number go,
 * and 見本 stamped and watermarked on every page.
 */
final class CertificateLayout {

    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    private static final float LEFT = 45f;
    private static final float RIGHT = PAGE_WIDTH - 45f;
    private static final float CONTENT_WIDTH = RIGHT - LEFT;
    private static final float TOP = PAGE_HEIGHT - 36f;
    private static final float BOTTOM = 30f;
    private static final float BODY_TOP = TOP - 66f;

    private static final float CELL_PADDING = 3f;
    private static final float MINIMUM_ROW_HEIGHT = 18f;
    private static final float LABEL_WIDTH = 110f;
    private static final float SECTION_GAP = 8f;
    private static final float QR_SIZE = 58f;
    private static final float SEAL_SIZE = 62f;

    private static final float VALUE_SIZE = 10.5f;
    private static final float VALUE_MINIMUM = 7f;
    private static final float LABEL_SIZE = 9.5f;
    private static final float LABEL_MINIMUM = 6f;
    private static final float LABEL_GREY = 0.92f;

    private static final String CONTINUED = "（続き）";
    private static final String VERIFICATION_LABEL = "検証コード　";
    private static final String VERIFICATION_NOTE = "上記のURLまたはQRコードから、この証明書が発行されたことを確認できます。";
    private static final String SEAL = "公印";
    private static final String SPECIMEN_CODE = VERIFICATION_LABEL + "（見本のため記載しません）";
    private static final String SPECIMEN_NOTE = "これは見本です。証明書として使用できません。発行番号と検証コードは交付のときに付きます。";
    private static final String SPECIMEN_NUMBER = "発行番号　見本";
    private static final MessageId ROW_TOO_TALL = MessageId.of("E-CERT-0001");

    private final CertificateDocument document;
    private final GaijiTable gaijiTable;
    private final EmbeddedFont font;
    private final String verificationUrl;

    private final List<List<DrawOperation>> pages = new ArrayList<>();
    private final List<CharacterSubstitution> substitutions = new ArrayList<>();
    private final Set<String> reportedFields = new HashSet<>();
    private List<DrawOperation> page;
    private float cursor;
    private final float bodyBottom;
    private final List<FittedText> footer = new ArrayList<>();
    private final List<PrintableText> footerTexts = new ArrayList<>();

    /** What is drawn on a page, recorded during layout and replayed on the page's content stream. */
    @FunctionalInterface
    interface DrawOperation {
        void draw(PageCanvas canvas) throws IOException;
    }

    /** The pages of a laid out certificate. */
    record Pages(List<List<DrawOperation>> pages, List<CharacterSubstitution> substitutions) {
    }

    CertificateLayout(CertificateDocument document, GaijiTable gaijiTable, EmbeddedFont font, String verificationUrl) {
        this.document = document;
        this.gaijiTable = gaijiTable;
        this.font = font;
        this.verificationUrl = verificationUrl;
        float footerHeight = 0;
        for (int i = 0; i < document.footerLines().size(); i++) {
            PrintableText text = printable("footerLines[" + i + "]", document.footerLines().get(i));
            FittedText fitted = FittedText.fit(text.text(), CONTENT_WIDTH, 8.5f, 6f, font);
            footerTexts.add(text);
            footer.add(fitted);
            footerHeight += fitted.height();
        }
        this.bodyBottom = BOTTOM + QR_SIZE + 14f + footerHeight + 6f;
    }

    Pages layOut() {
        startPage();
        List<FieldRow> header = document.header();
        for (int i = 0; i < header.size(); i++) {
            placeFieldRow("header[" + i + "]", header.get(i), () -> { });
        }
        for (int i = 0; i < document.sections().size(); i++) {
            BodySection section = document.sections().get(i);
            String field = "sections[" + i + "]";
            if (section instanceof FieldBlock block) {
                placeFieldBlock(field, block);
            } else if (section instanceof Table table) {
                placeTable(field, table);
            }
        }
        placeCertification();
        int pageCount = pages.size();
        for (int number = 1; number <= pageCount; number++) {
            addPageFrame(pages.get(number - 1), number, pageCount);
        }
        return new Pages(pages, substitutions);
    }

    // --- body --------------------------------------------------------------------------------------

    private void placeFieldBlock(String field, FieldBlock block) {
        PrintableText heading = printable(field + ".heading", block.heading());
        FittedText headingFitted = fitHeading(heading.text());
        Runnable continuation = () -> placeHeading(heading, headingFitted, true);
        cursor -= SECTION_GAP;
        FieldRow first = block.rows().get(0);
        float firstRowHeight = fieldRowCells(field + ".rows[0]", first).height();
        if (!heading.text().isEmpty()) {
            // Keep the heading with the first row.
            breakPageUnlessRoom(headingFitted.height() + 4f + firstRowHeight);
            placeHeading(heading, headingFitted, false);
        }
        for (int j = 0; j < block.rows().size(); j++) {
            placeFieldRow(field + ".rows[" + j + "]", block.rows().get(j), continuation);
        }
    }

    private void placeTable(String field, Table table) {
        PrintableText heading = printable(field + ".heading", table.heading());
        FittedText headingFitted = fitHeading(heading.text());
        float[] widths = columnWidths(table.columns());
        List<PrintableText> titles = new ArrayList<>();
        for (int k = 0; k < table.columns().size(); k++) {
            titles.add(printable(field + ".columns[" + k + "].title", table.columns().get(k).title()));
        }
        Row titleRow = row(titles, widths, LABEL_SIZE, LABEL_MINIMUM, true);
        Runnable continuation = () -> {
            placeHeading(heading, headingFitted, true);
            placeRow(titleRow);
        };
        cursor -= SECTION_GAP;
        float firstRowHeight = table.rows().isEmpty() ? 0
                : tableRow(field, 0, table.rows().get(0), widths).height();
        breakPageUnlessRoom((heading.text().isEmpty() ? 0 : headingFitted.height() + 4f) + titleRow.height()
                + firstRowHeight);
        if (!heading.text().isEmpty()) {
            placeHeading(heading, headingFitted, false);
        }
        placeRow(titleRow);
        for (int j = 0; j < table.rows().size(); j++) {
            Row row = tableRow(field, j, table.rows().get(j), widths);
            breakPageUnlessRoom(row.height(), continuation, field + ".rows[" + j + "]");
            placeRow(row);
        }
    }

    private Row tableRow(String field, int index, List<String> cells, float[] widths) {
        List<PrintableText> texts = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            texts.add(printable(field + ".rows[" + index + "].cells[" + k + "]", cells.get(k)));
        }
        return row(texts, widths, VALUE_SIZE - 0.5f, LABEL_MINIMUM, false);
    }

    private static float[] columnWidths(List<TableColumn> columns) {
        float total = 0;
        for (TableColumn column : columns) {
            total += column.weight();
        }
        float[] widths = new float[columns.size()];
        for (int k = 0; k < widths.length; k++) {
            widths[k] = CONTENT_WIDTH * columns.get(k).weight() / total;
        }
        return widths;
    }

    private void placeFieldRow(String field, FieldRow fieldRow, Runnable continuation) {
        Row row = fieldRowCells(field, fieldRow);
        breakPageUnlessRoom(row.height(), continuation, field);
        placeRow(row);
    }

    private Row fieldRowCells(String field, FieldRow fieldRow) {
        PrintableText label = printable(field + ".label", fieldRow.label());
        PrintableText value = printable(field + ".value", fieldRow.value());
        Cell labelCell = cell(label, LABEL_WIDTH, LABEL_SIZE, LABEL_MINIMUM, true);
        Cell valueCell = cell(value, CONTENT_WIDTH - LABEL_WIDTH, VALUE_SIZE, VALUE_MINIMUM, false);
        return new Row(List.of(labelCell, valueCell));
    }

    private Row row(List<PrintableText> texts, float[] widths, float size, float minimum, boolean shaded) {
        List<Cell> cells = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            cells.add(cell(texts.get(k), widths[k], size, minimum, shaded));
        }
        return new Row(cells);
    }

    private Cell cell(PrintableText text, float width, float size, float minimum, boolean shaded) {
        FittedText fitted = FittedText.fit(text.text(), width - 2 * CELL_PADDING, size, minimum, font);
        return new Cell(text, width, fitted, shaded);
    }

    private record Cell(PrintableText text, float width, FittedText fitted, boolean shaded) {
    }

    private record Row(List<Cell> cells) {
        float height() {
            float tallest = 0;
            for (Cell cell : cells) {
                tallest = Math.max(tallest, cell.fitted().height());
            }
            return Math.max(MINIMUM_ROW_HEIGHT, tallest + 2 * CELL_PADDING);
        }
    }

    private void placeRow(Row row) {
        float height = row.height();
        float top = cursor;
        float x = LEFT;
        for (Cell cell : row.cells()) {
            float cellX = x;
            record(cell.text());
            page.add(canvas -> {
                if (cell.shaded()) {
                    canvas.fill(cellX, top - height, cell.width(), height, LABEL_GREY);
                }
                canvas.rectangle(cellX, top - height, cell.width(), height, 0.5f, PageCanvas.BLACK);
                float textTop = top - (height - cell.fitted().height()) / 2;
                canvas.text(cellX + CELL_PADDING, textTop, cell.fitted());
            });
            x += cell.width();
        }
        cursor -= height;
    }

    private FittedText fitHeading(String text) {
        return FittedText.fit(text + CONTINUED, CONTENT_WIDTH, 11f, 7f, font);
    }

    private void placeHeading(PrintableText heading, FittedText fittedWithContinued, boolean continued) {
        if (heading.text().isEmpty()) {
            return;
        }
        record(heading);
        // Fitted with 「（続き）」 so that the first and the continued heading have the same size.
        FittedText fitted = continued ? fittedWithContinued
                : FittedText.fit(heading.text(), CONTENT_WIDTH, fittedWithContinued.fontSize(),
                        fittedWithContinued.fontSize(), font);
        float top = cursor;
        page.add(canvas -> canvas.text(LEFT, top, fitted));
        cursor -= fitted.height() + 4f;
    }

    private void breakPageUnlessRoom(float height) {
        if (cursor - height < bodyBottom) {
            startPage();
        }
    }

    private void breakPageUnlessRoom(float height, Runnable continuation, String field) {
        if (cursor - height >= bodyBottom) {
            return;
        }
        startPage();
        continuation.run();
        if (cursor - height < bodyBottom) {
            throw Messages.of("certificates").refusal(ROW_TOO_TALL, field);
        }
    }

    private void startPage() {
        page = new ArrayList<>();
        pages.add(page);
        cursor = BODY_TOP;
    }

    // --- certification on the last page ----------------------------------------------------------

    private void placeCertification() {
        PrintableText text = printable("certification.text", document.certification().text());
        PrintableText date = printable("certification.dateText", document.certification().dateText());
        PrintableText issuer = printable("certification.issuer", document.certification().issuer());
        FittedText textFitted = FittedText.fit(text.text(), CONTENT_WIDTH - 24f, 11f, 7f, font);
        FittedText dateFitted = FittedText.fit(date.text(), CONTENT_WIDTH - 24f, 11f, 7f, font);
        float issuerWidth = CONTENT_WIDTH - SEAL_SIZE - 40f;
        FittedText issuerFitted = FittedText.fit(issuer.text(), issuerWidth, 12f, 7f, font);
        float height = 16f + textFitted.height() + 8f + dateFitted.height() + 8f
                + Math.max(SEAL_SIZE, issuerFitted.height());
        breakPageUnlessRoom(height);
        record(text);
        record(date);
        record(issuer);
        float top = cursor - 16f;
        float dateTop = top - textFitted.height() - 8f;
        float sealTop = dateTop - dateFitted.height() - 8f;
        float sealX = RIGHT - SEAL_SIZE;
        float issuerTextWidth = widestLine(issuerFitted);
        float issuerX = sealX - 12f - issuerTextWidth;
        float issuerTop = sealTop - (SEAL_SIZE - issuerFitted.height()) / 2;
        page.add(canvas -> {
            canvas.text(LEFT + 12f, top, textFitted);
            canvas.text(LEFT + 24f, dateTop, dateFitted);
            canvas.text(issuerX, issuerTop, issuerFitted);
            canvas.dashedRectangle(sealX, sealTop - SEAL_SIZE, SEAL_SIZE, SEAL_SIZE, PageCanvas.SEAL_GREY);
            float labelWidth = font.width(SEAL, 8f);
            canvas.line(sealX + (SEAL_SIZE - labelWidth) / 2, sealTop - SEAL_SIZE / 2 - 3f, 8f, SEAL,
                    PageCanvas.SEAL_GREY);
        });
        cursor -= height;
    }

    private float widestLine(FittedText fitted) {
        float widest = 0;
        for (String line : fitted.lines()) {
            widest = Math.max(widest, font.width(line, fitted.fontSize()));
        }
        return widest;
    }

    // --- what every page has -----------------------------------------------------------------------

    private void addPageFrame(List<DrawOperation> operations, int number, int pageCount) {
        List<DrawOperation> frame = new ArrayList<>();
        float watermarkY = 250f;
        for (Marking marking : List.of(Marking.SPECIMEN, Marking.DRILL)) {
            if (!document.isMarked(marking)) {
                continue;
            }
            // Under everything else, so that it never hides text; a second one higher up the page.
            float y = watermarkY;
            frame.add(canvas -> canvas.turnedText(130f, y, (float) Math.toRadians(35), 150f,
                    marking.japaneseText(), PageCanvas.WATERMARK_RED));
            watermarkY += 260f;
        }
        float stampRight = RIGHT;
        for (Marking marking : List.of(Marking.SPECIMEN, Marking.DRILL, Marking.OFFICIAL_USE)) {
            if (!document.isMarked(marking)) {
                continue;
            }
            float stampWidth = 52f;
            float stampX = stampRight - stampWidth;
            frame.add(canvas -> {
                canvas.rectangle(stampX, TOP - 26f, stampWidth, 26f, 1.5f, PageCanvas.STAMP_RED);
                canvas.line(stampX + (stampWidth - font.width(marking.japaneseText(), 16f)) / 2, TOP - 20f, 16f,
                        marking.japaneseText(), PageCanvas.STAMP_RED);
            });
            stampRight = stampX - 6f;
        }
        PrintableText title = printable("title", document.title());
        FittedText titleFitted = FittedText.fit(title.text(), CONTENT_WIDTH, 18f, 10f, font);
        float titleWidth = widestLine(titleFitted);
        recordOnFirstPage(title);
        frame.add(canvas -> canvas.text((PAGE_WIDTH - titleWidth) / 2, TOP - 28f, titleFitted));

        float footerTop = bodyBottom - 6f;
        for (int i = 0; i < footer.size(); i++) {
            FittedText line = footer.get(i);
            float lineTop = footerTop;
            recordOnFirstPage(footerTexts.get(i));
            frame.add(canvas -> canvas.text(LEFT, lineTop, line));
            footerTop -= line.height();
        }
        boolean specimen = document.isSpecimen();
        String code = specimen ? SPECIMEN_CODE : VERIFICATION_LABEL + document.verificationCode().grouped();
        FittedText url = specimen ? null : FittedText.fit(verificationUrl, CONTENT_WIDTH - QR_SIZE - 8f, 8f, 5f, font);
        String issueNumber = specimen ? SPECIMEN_NUMBER + ' ' + number + '/' + pageCount
                : document.issueNumber().forPage(number, pageCount);
        float issueNumberWidth = font.width(issueNumber, 8f);
        float specimenLabelWidth = font.width(Marking.SPECIMEN.japaneseText(), 14f);
        frame.add(canvas -> {
            canvas.horizontalLine(LEFT, bodyBottom - 3f, CONTENT_WIDTH, 0.3f);
            if (specimen) {
                // Where the QR code goes: an empty box, nothing to scan.
                canvas.dashedRectangle(LEFT, BOTTOM + 10f, QR_SIZE, QR_SIZE, PageCanvas.STAMP_RED);
                canvas.line(LEFT + (QR_SIZE - specimenLabelWidth) / 2, BOTTOM + 10f + QR_SIZE / 2 - 5f, 14f,
                        Marking.SPECIMEN.japaneseText(), PageCanvas.STAMP_RED);
            } else {
                canvas.qrCode(LEFT, BOTTOM + 10f, QR_SIZE);
            }
            canvas.line(LEFT + QR_SIZE + 8f, BOTTOM + 52f, 9f, code, PageCanvas.BLACK);
            if (url != null) {
                canvas.text(LEFT + QR_SIZE + 8f, BOTTOM + 46f, url);
            }
            canvas.line(LEFT + QR_SIZE + 8f, BOTTOM + 24f, 7f, specimen ? SPECIMEN_NOTE : VERIFICATION_NOTE,
                    PageCanvas.BLACK);
            canvas.line(RIGHT - issueNumberWidth, BOTTOM, 8f, issueNumber, PageCanvas.BLACK);
        });
        operations.addAll(0, frame);
    }

    // --- characters ---------------------------------------------------------------------------------

    private PrintableText printable(String field, String text) {
        return PrintableText.of(field, text, gaijiTable, font);
    }

    /** Reports a field's substitutions once, with the first page it is printed on. */
    private void record(PrintableText text) {
        if (!text.changes().isEmpty() && reportedFields.add(text.field())) {
            substitutions.addAll(text.onPage(pages.size()));
        }
    }

    private void recordOnFirstPage(PrintableText text) {
        if (!text.changes().isEmpty() && reportedFields.add(text.field())) {
            substitutions.addAll(text.onPage(1));
        }
    }
}
