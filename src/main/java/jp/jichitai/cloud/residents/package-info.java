/**
 * Resident registry (住民基本台帳): households, residents, 異動 history, standard search.
 *
 * <p>Published API: the value types ({@link jp.jichitai.cloud.residents.RecordedDate},
 * {@link jp.jichitai.cloud.residents.AtenaNumber}, {@link jp.jichitai.cloud.residents.Relationship} ...), the
 * {@link jp.jichitai.cloud.residents.Resident} snapshot, the {@link jp.jichitai.cloud.residents.ResidentHistory}
 * aggregate, the {@link jp.jichitai.cloud.residents.HouseholdRules} and the
 * {@link jp.jichitai.cloud.residents.SearchKeys}. The domain core is plain Java: no Spring, no persistence.
 * Data files: {@code residents/eras.tsv}, {@code residents/itaiji.tsv}, {@code residents/relationship-suggestions.tsv};
 * messages: {@code messages/residents.properties} (E-RES-NNNN). Depends only on {@code shared}.
 */
package jp.jichitai.cloud.residents;
