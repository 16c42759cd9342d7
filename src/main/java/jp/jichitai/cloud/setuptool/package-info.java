/**
 * Data setup tool (被災者支援システム用データセットアップツール): converts the standard CSVs into the victim support system's import file. Pure Java, no Spring.
 */
package jp.jichitai.cloud.setuptool;
