/**
 * Disaster victim support (被災者支援システム): victim and damaged-house registries, counter workflow, 罹災証明書, support payments, shelters.
 */
package jp.jichitai.cloud.disaster;
