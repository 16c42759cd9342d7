/**
 * Audit log (アクセスログ): append-only, hash-chained record of every access to personal data.
 */
package jp.jichitai.cloud.audit;
