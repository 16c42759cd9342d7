/**
 * Certificates: PDF rendering with an embedded Japanese font, issue numbers and public verification codes.
 */
package jp.jichitai.cloud.certificates;
