/**
 * Shared kernel: small value types every module may use (tenant codes, message ids, Japanese text helpers).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.jichitai.cloud.shared;
