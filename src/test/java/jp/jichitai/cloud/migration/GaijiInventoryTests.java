package jp.jichitai.cloud.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaijiInventoryTests {

    @Test
    void namesTheCp932CodeOfEachUserDefinedCharacter() {
        assertThat(GaijiInventory.cp932CodeOf(0xE000)).contains("F040");
        assertThat(GaijiInventory.cp932CodeOf(0xE03E)).contains("F07E");
        // 7F is never a trail byte: the cell after F07E is F080.
        assertThat(GaijiInventory.cp932CodeOf(0xE03F)).contains("F080");
        assertThat(GaijiInventory.cp932CodeOf(0xE0BB)).contains("F0FC");
        assertThat(GaijiInventory.cp932CodeOf(0xE0BC)).contains("F140");
        assertThat(GaijiInventory.cp932CodeOf(0xE757)).contains("F9FC");
    }

    @Test
    void agreesWithTheJdkDecoderOnEveryCell() throws Exception {
        java.nio.charset.Charset cp932 = java.nio.charset.Charset.forName("windows-31j");
        for (int codePoint = 0xE000; codePoint <= 0xE757; codePoint++) {
            String code = GaijiInventory.cp932CodeOf(codePoint).orElseThrow();
            byte[] bytes = java.util.HexFormat.of().parseHex(code);
            assertThat(new String(bytes, cp932).codePointAt(0)).as(code).isEqualTo(codePoint);
        }
    }

    @Test
    void hasNoCp932CodeOutsideTheUserDefinedArea() {
        assertThat(GaijiInventory.cp932CodeOf(0xE758)).isEmpty();
        assertThat(GaijiInventory.cp932CodeOf(0xF8FF)).isEmpty();
        assertThat(GaijiInventory.isPrivateUse(0xF8FF)).isTrue();
        assertThat(GaijiInventory.isPrivateUse(0xF900)).isFalse();
    }
}
