/**
 * Fit and gap analysis (フィット&ギャップ分析) of standard procedures.
 *
 * <p>Published here: {@link jp.jichitai.cloud.fitgap.FitGapClass}, the template model
 * ({@link jp.jichitai.cloud.fitgap.ProcedureTemplate}, loaded from {@code fitgap/templates/*.tsv} by
 * {@link jp.jichitai.cloud.fitgap.StandardTemplates}), {@link jp.jichitai.cloud.fitgap.FitGapAnalysis} and its Excel
 * export {@link jp.jichitai.cloud.fitgap.FitGapWorkbook} (Apache POI). The domain depends only on {@code shared};
 * the towns' stored analyses, API and screens in {@code internal} also use {@code tenancy}, {@code identity}, {@code audit}.
 */
package jp.jichitai.cloud.fitgap;
