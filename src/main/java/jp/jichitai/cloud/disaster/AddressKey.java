package jp.jichitai.cloud.disaster;

import jp.jichitai.cloud.disaster.internal.AddressNormalizer;

/**
 * 住所照合キー (address matching key): an address folded so that the same place written differently
 * matches, e.g. 二丁目3番4号, 2丁目3番地の4, 2の3の4, 2−3−4 and ２－３－４ all give the same key.
 *
 * <p>Only for matching: the key is never shown or stored in place of the address as written. What is
 * folded: full/half width, spaces, dash variants (and ー, の, ノ, 之, a kanji 一 between digits), the
 * markers 丁目, 番地, 番, 号, 号室 after a number, kanji numerals (二十三 and 二三 both give 23, also
 * inside names such as 西三条, so 西3条 matches too) and ヶ/ケ/が between kanji (緑ヶ丘, 緑ケ丘, 緑が丘).
 * Not folded: 大字/字, the prefecture prefix, 異体字.
 */
public record AddressKey(String value) {

    public AddressKey {
        if (value == null || value.isBlank()) {
            throw DisasterMessages.refusal("E-DIS-0011");
        }
    }

    public static AddressKey of(String address) {
        if (address == null || address.isBlank()) {
            throw DisasterMessages.refusal("E-DIS-0011");
        }
        return new AddressKey(AddressNormalizer.normalize(address));
    }

    public boolean matches(AddressKey other) {
        return value.equals(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
