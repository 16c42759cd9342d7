/**
 * The registry as a running service: persistence (append-only snapshots, search keys, numbering), the use cases of
 * each 異動, the standard search, 個人番号 encryption and the demo population. Spring and JDBC live here, never in the
 * domain core ({@code residents} and {@code residents.internal}).
 */
package jp.jichitai.cloud.residents.registry;
