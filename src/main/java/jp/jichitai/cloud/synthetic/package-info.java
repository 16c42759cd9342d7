/**
 * Synthetic population (合成データ): a deterministic generator of realistic residents of a tenant — households,
 * history, 除票, foreign residents, income, 外字, two byte codes of 髙/﨑, unknown and impossible dates —
 * as a stream of records for any module, and as the four standard migration CSVs. Pure Java, no Spring.
 * Depends on shared and migrationformat.
 */
package jp.jichitai.cloud.synthetic;
