package jp.jichitai.cloud.residents.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jp.jichitai.cloud.residents.ChangeKind;

/**
 * 異動の届 (one sheet per kind of change): its URL slug, the change kind, its title and the fields it asks for.
 * The screens draw the form from this list and the API accepts the same slugs.
 */
public enum ChangeSheet {
    MOVE_IN("move-in", ChangeKind.DOMESTIC_MOVE_IN, true, "person", "household"),
    MOVE_IN_FROM_ABROAD("move-in-from-abroad", ChangeKind.MOVE_IN_FROM_ABROAD, true, "person", "household"),
    EX_OFFICIO_ENTRY("ex-officio-entry", ChangeKind.EX_OFFICIO_ENTRY, false, "person", "household"),
    BIRTH("birth", ChangeKind.BIRTH, true, "name", "sex", "relationship", "newbornEntitlements"),
    RELOCATION("relocation", ChangeKind.MOVE_WITHIN_MUNICIPALITY, true, "address"),
    HOUSEHOLD_SEPARATION("household-separation", ChangeKind.HOUSEHOLD_SEPARATION, true),
    HOUSEHOLD_MERGER("household-merger", ChangeKind.HOUSEHOLD_MERGER, true, "household", "relationships"),
    HOUSEHOLD_CHANGE("household-change", ChangeKind.HOUSEHOLD_CHANGE, true, "household", "relationship"),
    HOUSEHOLD_HEAD_CHANGE("household-head-change", ChangeKind.HOUSEHOLD_HEAD_CHANGE, true, "relationships"),
    MOVE_OUT("move-out", ChangeKind.DOMESTIC_MOVE_OUT, true, "members", "destination"),
    MOVE_OUT_ABROAD("move-out-abroad", ChangeKind.MOVE_OUT_ABROAD, true, "members", "destination"),
    DEATH("death", ChangeKind.DEATH, true, "newHead"),
    EX_OFFICIO_REMOVAL("ex-officio-removal", ChangeKind.EX_OFFICIO_REMOVAL, false, "newHead"),
    EX_OFFICIO_CORRECTION("ex-officio-correction", ChangeKind.EX_OFFICIO_CORRECTION, false, "corrections"),
    CLERICAL_ERROR_CORRECTION("clerical-error-correction", ChangeKind.CLERICAL_ERROR_CORRECTION, true, "corrections"),
    FORMER_SURNAME_ENTRY("former-surname-entry", ChangeKind.FORMER_SURNAME_ENTRY, true, "name"),
    FORMER_SURNAME_CHANGE("former-surname-change", ChangeKind.FORMER_SURNAME_CHANGE, true, "name"),
    FORMER_SURNAME_DELETION("former-surname-deletion", ChangeKind.FORMER_SURNAME_DELETION, true),
    COMMON_NAME_ENTRY("common-name-entry", ChangeKind.COMMON_NAME_ENTRY, true, "name"),
    COMMON_NAME_CHANGE("common-name-change", ChangeKind.COMMON_NAME_CHANGE, true, "name"),
    COMMON_NAME_DELETION("common-name-deletion", ChangeKind.COMMON_NAME_DELETION, true),
    CANCELLATION("cancellation", ChangeKind.CANCELLATION, false, "reason");

    private final String slug;
    private final ChangeKind kind;
    private final boolean notified;
    private final Set<String> sections;

    ChangeSheet(String slug, ChangeKind kind, boolean notified, String... sections) {
        this.slug = slug;
        this.kind = kind;
        this.notified = notified;
        this.sections = Set.of(sections);
    }

    static Optional<ChangeSheet> ofSlug(String slug) {
        return Arrays.stream(values()).filter(sheet -> sheet.slug.equals(slug)).findFirst();
    }

    /** Sheets that start a new record (no existing resident). */
    public boolean createsResident() {
        return this == MOVE_IN || this == MOVE_IN_FROM_ABROAD || this == EX_OFFICIO_ENTRY || this == BIRTH;
    }

    public String slug() {
        return slug;
    }

    public ChangeKind kind() {
        return kind;
    }

    public String title() {
        return kind.japanese();
    }

    /** Whether the sheet has a 届出日 (changes made 職権 have none). */
    public boolean notified() {
        return notified;
    }

    public boolean has(String section) {
        return sections.contains(section);
    }
}
