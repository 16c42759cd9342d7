/**
 * Disaster victim support (被災者支援システム): victim and damaged-house registries, counter workflow, 罹災証明書, support payments, shelters.
 *
 * <p>Published here: the pure domain rules, free of Spring and persistence: {@link jp.jichitai.cloud.disaster.DamageRatio}
 * and {@link jp.jichitai.cloud.disaster.DamageLevel} (内閣府 被害認定基準), {@link jp.jichitai.cloud.disaster.SupportPayment}
 * (被災者生活再建支援金), {@link jp.jichitai.cloud.disaster.ApplicationDeadline}, {@link jp.jichitai.cloud.disaster.PaymentLedger},
 * {@link jp.jichitai.cloud.disaster.IdentityCheck} (本人認証) and {@link jp.jichitai.cloud.disaster.AddressKey}.
 *
 * <p>Also published: the {@link jp.jichitai.cloud.disaster.ResidentDirectory} port (the population the victim
 * registry is built from) with {@link jp.jichitai.cloud.disaster.DirectoryPerson},
 * {@link jp.jichitai.cloud.disaster.DirectoryMatch} and {@link jp.jichitai.cloud.disaster.PersonQuery}.
 * The internal package holds the registries (Flyway V30–V39), the counter screens under {@code /disasters},
 * the API under {@code /api/v1/t/{tenant}/disasters} and the victim import command.
 * Depends on {@code shared}, {@code tenancy}, {@code identity}, {@code audit}, {@code certificates},
 * {@code issuance}, {@code migrationformat} (to read the setup tool's import file) and {@code residents}
 * (the standard search keys and the era table).
 */
package jp.jichitai.cloud.disaster;
