package jp.jichitai.cloud.tenancy;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.shared.MessageId;

/**
 * 外字 mapping: what one of a town's private-use characters stands for. The original code point is
 * always kept in the data; the substitute (a standard character, or a base character with an
 * ideographic variation selector) is what certificates and exports print, and the description says in
 * words what the character is, for the cases no substitute can show.
 */
public record GaijiMapping(int codePoint, String substitute, String description) {

    /** CP932's user-defined area F040–F9FC decodes to these 1,880 code points. */
    public static final int FIRST = 0xE000;
    public static final int LAST = 0xE757;

    public GaijiMapping {
        if (codePoint < FIRST || codePoint > LAST) {
            throw refusal("E-TEN-0010", String.format("U+%04X", codePoint));
        }
        substitute = substitute == null || substitute.isBlank() ? null : substitute.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        if (substitute == null && description == null) {
            throw refusal("E-TEN-0011");
        }
        if (substitute != null && !isPrintableSubstitute(substitute)) {
            throw refusal("E-TEN-0012");
        }
        if (description != null && (description.length() > 100
                || description.codePoints().anyMatch(c -> Character.isISOControl(c) || "<>\"'&;\\`".indexOf(c) >= 0))) {
            throw refusal("E-TEN-0013");
        }
    }

    /** "U+E000" or "E000" → the code point. */
    public static int parseCodePoint(String text) {
        String hex = text == null ? "" : text.trim().toUpperCase().replaceFirst("^U\\+", "");
        if (!hex.matches("[0-9A-F]{4,5}")) {
            throw refusal("E-TEN-0010", text);
        }
        return Integer.parseInt(hex, 16);
    }

    public String codePointText() {
        return String.format("U+%04X", codePoint);
    }

    /** One character, or a base character followed by one variation selector; no 外字 itself. */
    static boolean isPrintableSubstitute(String text) {
        int[] codePoints = text.codePoints().toArray();
        if (codePoints.length == 0 || codePoints.length > 2) {
            return false;
        }
        int base = codePoints[0];
        if (Character.getType(base) == Character.PRIVATE_USE || Character.isISOControl(base)
                || Character.isWhitespace(base) || isVariationSelector(base)) {
            return false;
        }
        return codePoints.length == 1 || isVariationSelector(codePoints[1]);
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    private static BusinessException refusal(String id, Object... arguments) {
        return new BusinessException(MessageId.of(id), PlatformMessages.text(id, arguments));
    }
}
