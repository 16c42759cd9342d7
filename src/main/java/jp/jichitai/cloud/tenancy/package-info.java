/**
 * Tenancy: each municipality (団体) is a tenant identified by its 全国地方公共団体コード. Owns the tenant, district and 外字 tables and the per-transaction tenant binding used by row-level security.
 */
package jp.jichitai.cloud.tenancy;
