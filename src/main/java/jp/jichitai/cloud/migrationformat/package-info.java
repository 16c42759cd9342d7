/**
 * Migration format (移行データ標準フォーマット): pure-Java library, no Spring, that knows the standard CSV layouts: CP932 reading and writing with reporting coders, layout-driven validation.
 */
package jp.jichitai.cloud.migrationformat;
