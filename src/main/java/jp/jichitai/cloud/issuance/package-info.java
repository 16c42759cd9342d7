/**
 * Certificate issuance (証明書発行): gapless issue numbers per tenant and numbering scope, the record of
 * every certificate issued, and the public verification page {@code /verify/{code}} that confirms a
 * certificate's kind, town, issue date and content digest without showing personal data.
 */
package jp.jichitai.cloud.issuance;
