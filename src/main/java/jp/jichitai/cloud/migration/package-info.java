/**
 * Standard data migration into and out of a tenant's registry (import, export, 外字 inventory).
 */
package jp.jichitai.cloud.migration;
