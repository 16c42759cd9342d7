package jp.jichitai.cloud.tenancy;

import jp.jichitai.cloud.shared.TenantCode;

/** 団体 (municipality): a tenant of the service, as listed in the provider's register. */
public record Tenant(TenantCode code, String name, String prefecture) {
}
