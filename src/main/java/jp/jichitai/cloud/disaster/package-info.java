/**
 * Disaster victim support (被災者支援システム): victim and damaged-house registries, counter workflow, 罹災証明書, support payments, shelters.
 *
 * <p>Published here: the pure domain rules, free of Spring and persistence: {@link jp.jichitai.cloud.disaster.DamageRatio}
 * and {@link jp.jichitai.cloud.disaster.DamageLevel} (内閣府 被害認定基準), {@link jp.jichitai.cloud.disaster.SupportPayment}
 * (被災者生活再建支援金), {@link jp.jichitai.cloud.disaster.ApplicationDeadline}, {@link jp.jichitai.cloud.disaster.PaymentLedger},
 * {@link jp.jichitai.cloud.disaster.IdentityCheck} (本人認証) and {@link jp.jichitai.cloud.disaster.AddressKey}.
 * Depends only on {@code shared}.
 */
package jp.jichitai.cloud.disaster;
