package jp.jichitai.cloud.certificates;

import java.util.List;
import java.util.Objects;

/** Checks shared by the value types of the document model. */
final class Texts {

    private Texts() {
    }

    /** A required single-line text: blank or multi-line names would break the layout silently. */
    static String requireOneLine(String text, String what) {
        requireText(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be a single line: " + text);
        }
        return text;
    }

    /** Any text, possibly empty (an unknown value is printed as an empty cell), but never null. */
    static String requireText(String text, String what) {
        return Objects.requireNonNull(text, what + " must not be null");
    }

    static <T> List<T> copyOf(List<T> list, String what) {
        Objects.requireNonNull(list, what + " must not be null");
        return List.copyOf(list);
    }
}
