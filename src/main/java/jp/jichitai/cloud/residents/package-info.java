/**
 * Resident registry (住民基本台帳): households, residents, 異動 history, standard search.
 */
package jp.jichitai.cloud.residents;
