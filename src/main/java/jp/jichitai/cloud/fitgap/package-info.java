/**
 * Fit and gap analysis (フィット&ギャップ分析) of standard procedures.
 *
 * <p>Published here: {@link jp.jichitai.cloud.fitgap.FitGapClass}, the template model
 * ({@link jp.jichitai.cloud.fitgap.ProcedureTemplate}, loaded from {@code fitgap/templates/*.tsv} by
 * {@link jp.jichitai.cloud.fitgap.StandardTemplates}), {@link jp.jichitai.cloud.fitgap.FitGapAnalysis} and its Excel
 * export {@link jp.jichitai.cloud.fitgap.FitGapWorkbook} (Apache POI). Depends only on {@code shared}.
 */
package jp.jichitai.cloud.fitgap;
