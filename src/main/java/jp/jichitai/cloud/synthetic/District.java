package jp.jichitai.cloud.synthetic;

/**
 * 行政区 (district) of a tenant: its 行政区コード, name (西３条南, 字今金...), the address prefix that
 * precedes 丁目/番地 (北海道名寄市西３条南) and its postal code.
 */
public record District(String code, String name, String addressPrefix, String postalCode, boolean hasBlocks) {
}
