package jp.jichitai.cloud.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.jichitai.cloud.shared.BusinessException;

class GaijiMappingTests {

    @Test
    void acceptsTheWholeUserDefinedAreaOfCp932AndNothingElse() {
        assertThat(new GaijiMapping(0xE000, "髙", null).codePointText()).isEqualTo("U+E000");
        assertThat(new GaijiMapping(0xE757, null, "説明だけ").substitute()).isNull();
        assertThatThrownBy(() -> new GaijiMapping(0xE758, "髙", null)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("U+E758");
        assertThatThrownBy(() -> new GaijiMapping(0xDFFF, "髙", null)).hasMessageContaining("利用者定義領域");
    }

    @Test
    void aBaseCharacterWithAnIdeographicVariationSelectorIsOneSubstitute() {
        String withSelector = "葛" + new String(Character.toChars(0xE0100));
        assertThat(new GaijiMapping(0xE001, withSelector, null).substitute()).isEqualTo(withSelector);
    }

    @ParameterizedTest
    @ValueSource(strings = {"高橋", "\uE001", " ", "\uE0100"})
    void refusesSubstitutesThatAreNotOnePrintableCharacter(String substitute) {
        assertThatThrownBy(() -> new GaijiMapping(0xE002, substitute, null))
                .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).messageId().value())
                .isIn("E-TEN-0012", "E-TEN-0011");
    }

    @Test
    void needsASubstituteOrADescription() {
        assertThatThrownBy(() -> new GaijiMapping(0xE003, " ", "")).hasMessage("代替文字か説明のどちらかを入力してください。");
    }

    @Test
    void parsesCodePointsWrittenEitherWay() {
        assertThat(GaijiMapping.parseCodePoint("U+E00A")).isEqualTo(0xE00A);
        assertThat(GaijiMapping.parseCodePoint("e00a")).isEqualTo(0xE00A);
        assertThatThrownBy(() -> GaijiMapping.parseCodePoint("髙")).isInstanceOf(BusinessException.class);
    }
}
