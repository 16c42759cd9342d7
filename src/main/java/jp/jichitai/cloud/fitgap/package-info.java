/**
 * Fit and gap analysis (フィット&ギャップ分析) of standard procedures.
 */
package jp.jichitai.cloud.fitgap;
