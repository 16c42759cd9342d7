package jp.jichitai.cloud.certificates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FittedTextTests {

    private static final EmbeddedFont FONT = EmbeddedFont.shared();

    @Test
    void keepsThePreferredSizeWhenTheTextFits() {
        FittedText fitted = FittedText.fit("髙橋　一郎", 200f, 10.5f, 7f, FONT);
        assertThat(fitted.fontSize()).isEqualTo(10.5f);
        assertThat(fitted.lines()).containsExactly("髙橋　一郎");
    }

    @Test
    void shrinksBeforeItWraps() {
        String text = "北海道名寄市大通南1丁目1番地　グリーンハイツ";
        float atPreferred = FONT.width(text, 10.5f);
        FittedText fitted = FittedText.fit(text, atPreferred * 0.8f, 10.5f, 7f, FONT);
        assertThat(fitted.lines()).containsExactly(text);
        assertThat(fitted.fontSize()).isLessThan(10.5f).isGreaterThanOrEqualTo(7f);
        assertThat(FONT.width(text, fitted.fontSize())).isLessThanOrEqualTo(atPreferred * 0.8f);
    }

    @Test
    void wrapsAtTheMinimumSizeWhenShrinkingIsNotEnough() {
        String text = "長い備考".repeat(20);
        FittedText fitted = FittedText.fit(text, 100f, 10.5f, 7f, FONT);
        assertThat(fitted.fontSize()).isEqualTo(7f);
        assertThat(fitted.lines()).hasSizeGreaterThan(1);
        assertThat(fitted.lines()).allSatisfy(line -> assertThat(FONT.width(line, 7f)).isLessThanOrEqualTo(100f));
    }

    @Test
    void neverLosesACharacterAndNeverOverflowsWhateverTheTextAndWidth() {
        Random random = new Random(20251126);
        String alphabet = "髙﨑①一二三ABCxyz 　、。ー0123456789住民票の写し";
        for (int trial = 0; trial < 500; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(30) == 0 ? '\n' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            float width = 20f + random.nextFloat() * 400f;

            FittedText fitted = FittedText.fit(text.toString(), width, 10.5f, 7f, FONT);

            assertThat(String.join("", fitted.lines())).isEqualTo(text.toString().replace("\n", ""));
            assertThat(fitted.fontSize()).isBetween(7f, 10.5f);
            assertThat(fitted.lines()).allSatisfy(line ->
                    assertThat(line.codePointCount(0, line.length()) <= 1 || FONT.width(line, fitted.fontSize()) <= width)
                            .as("line fits: %s at %s in %s", line, fitted.fontSize(), width).isTrue());
        }
    }
}
