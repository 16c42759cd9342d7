/**
 * Business continuity (利用継続計画, 情報保全): cluster, backups, drills, vault files and the continuity plan.
 */
package jp.jichitai.cloud.continuity;
