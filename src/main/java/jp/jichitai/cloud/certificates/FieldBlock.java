package jp.jichitai.cloud.certificates;

import java.util.List;

/** A block of labelled values under an optional heading, such as the items of one household member. */
public record FieldBlock(String heading, List<FieldRow> rows) implements BodySection {

    public FieldBlock {
        Texts.requireText(heading, "heading");
        rows = Texts.copyOf(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a field block needs at least one row");
        }
    }

    public static FieldBlock of(String heading, FieldRow... rows) {
        return new FieldBlock(heading, List.of(rows));
    }
}
