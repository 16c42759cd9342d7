package jp.jichitai.cloud.certificates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import jp.jichitai.cloud.certificates.GaijiTable;
import jp.jichitai.cloud.certificates.SubstitutionReason;
import org.junit.jupiter.api.Test;

class PrintableTextTests {

    private static final EmbeddedFont FONT = EmbeddedFont.shared();
    private static final String GAIJI = new String(Character.toChars(0xE000));
    private static final String TSUCHIYOSHI = new String(Character.toChars(0x20BB7));
    private static final String IVS = new String(Character.toChars(0xE0101));

    @Test
    void theFontHoldsTheVariantsAndLacksTheTestCharacter() {
        assertThat(FONT.hasGlyph(0x9AD9)).as("髙").isTrue();
        assertThat(FONT.hasGlyph(0xFA11)).as("﨑").isTrue();
        assertThat(FONT.hasGlyph(0x2460)).as("①").isTrue();
        assertThat(FONT.hasGlyph(0x3013)).as("〓").isTrue();
        assertThat(FONT.hasGlyph(0x20BB7)).as("𠮷").isFalse();
        assertThat(FONT.hasGlyph(0xE000)).as("PUA").isFalse();
    }

    @Test
    void keepsPrintableTextAsItIs() {
        PrintableText text = PrintableText.of("f", "髙﨑①　太郎\n2行目", GaijiTable.NONE, FONT);
        assertThat(text.text()).isEqualTo("髙﨑①　太郎\n2行目");
        assertThat(text.changes()).isEmpty();
    }

    @Test
    void sendsGaijiThroughTheTableAndItsSubstituteThroughTheFont() {
        GaijiTable table = codePoint -> codePoint == 0xE000 ? Optional.of("葛" + IVS) : Optional.empty();
        PrintableText text = PrintableText.of("f", "A" + GAIJI + "B", table, FONT);
        assertThat(text.text()).isEqualTo("A葛B");
        assertThat(text.changes()).singleElement().satisfies(change -> {
            assertThat(change.reason()).isEqualTo(SubstitutionReason.GAIJI_SUBSTITUTED);
            assertThat(change.offset()).isEqualTo(1);
            assertThat(change.printed()).isEqualTo("葛");
        });
    }

    @Test
    void treatsAnEmptySubstituteAsNone() {
        PrintableText text = PrintableText.of("f", GAIJI, codePoint -> Optional.of(""), FONT);
        assertThat(text.text()).isEqualTo("〓");
        assertThat(text.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(SubstitutionReason.GAIJI_WITHOUT_SUBSTITUTE));
    }

    @Test
    void printsGetaForCharactersWithoutGlyphIncludingTheirSelectors() {
        PrintableText text = PrintableText.of("f", "吉" + TSUCHIYOSHI + IVS + "\t", GaijiTable.NONE, FONT);
        assertThat(text.text()).isEqualTo("吉〓〓");
        assertThat(text.changes()).hasSize(2);
        assertThat(text.changes().get(0).original()).isEqualTo(TSUCHIYOSHI + IVS);
        assertThat(text.changes().get(0).offset()).isEqualTo(1);
        assertThat(text.changes().get(1).offset()).isEqualTo(5);
        assertThat(text.changes()).allSatisfy(change ->
                assertThat(change.reason()).isEqualTo(SubstitutionReason.NOT_IN_FONT));
    }

    @Test
    void dropsAStrayVariationSelectorAndReportsIt() {
        PrintableText text = PrintableText.of("f", "\uFE00山", GaijiTable.NONE, FONT);
        assertThat(text.text()).isEqualTo("山");
        assertThat(text.changes()).singleElement()
                .satisfies(change -> assertThat(change.reason()).isEqualTo(SubstitutionReason.VARIATION_SELECTOR_DROPPED));
    }
}
