package jp.jichitai.cloud.tenancy;

/** 行政区 (administrative district) of a tenant, with its 行政区コード. */
public record District(String code, String name) {
}
