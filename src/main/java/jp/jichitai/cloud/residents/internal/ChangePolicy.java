package jp.jichitai.cloud.residents.internal;

import java.time.LocalDate;
import java.util.Optional;

import jp.jichitai.cloud.residents.Change;
import jp.jichitai.cloud.residents.ChangeCategory;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.Resident;

/**
 * The rules one change must pass before it is appended to a resident's history. {@code today} is passed in so
 * that the rules stay pure and testable; the caller takes it from the tenant's clock.
 */
public final class ChangePolicy {

    private ChangePolicy() {
    }

    /** The first change of a history. */
    public static void checkFirst(Change change, Resident snapshot, LocalDate today) {
        if (change.kind().category() != ChangeCategory.ENTRY) {
            throw ResidentMessages.refusal("E-RES-0039", change.kind().japanese());
        }
        checkDates(change, snapshot, today);
        checkStatus(change.kind(), snapshot.status(), snapshot);
    }

    /** A later change, given the current snapshot. */
    public static void checkNext(Resident current, Change change, Resident next, LocalDate today) {
        ChangeKind kind = change.kind();
        if (kind == ChangeKind.CANCELLATION) {
            throw ResidentMessages.refusal("E-RES-0048");
        }
        if (!next.atenaNumber().equals(current.atenaNumber())) {
            throw ResidentMessages.refusal("E-RES-0043", current.atenaNumber(), next.atenaNumber());
        }
        if (next.kind() != current.kind()) {
            throw ResidentMessages.refusal("E-RES-0045");
        }
        if (current.isRemoved() && !kind.isAllowedOnRemovedRecord()) {
            throw ResidentMessages.refusal("E-RES-0032", current.atenaNumber(), current.status().japanese(), kind.japanese());
        }
        checkDates(change, next, today);
        checkStatus(kind, current.status(), next);
        checkNameItems(kind, next);
    }

    /** A cancellation, made today. */
    public static void checkCancellation(Change cancellation, LocalDate today) {
        if (cancellation.kind() != ChangeKind.CANCELLATION) {
            throw ResidentMessages.refusal("E-RES-0048");
        }
        checkNotFuture(cancellation, today);
    }

    private static void checkDates(Change change, Resident snapshot, LocalDate today) {
        checkNotFuture(change, today);
        if (change.kind() == ChangeKind.DEATH && snapshot.birthDate().isCertainlyAfter(change.changedOn())) {
            throw ResidentMessages.refusal("E-RES-0033", JapaneseDates.text(change.changedOn()),
                    snapshot.birthDate().toJapaneseEraText());
        }
    }

    private static void checkNotFuture(Change change, LocalDate today) {
        if (change.changedOn().isAfter(today) && !change.kind().isMoveOut()) {
            throw ResidentMessages.refusal("E-RES-0030", JapaneseDates.text(change.changedOn()));
        }
        Optional<LocalDate> notified = change.notifiedOn();
        if (notified.isPresent() && notified.get().isAfter(today)) {
            throw ResidentMessages.refusal("E-RES-0044", JapaneseDates.text(notified.get()));
        }
    }

    private static void checkStatus(ChangeKind kind, jp.jichitai.cloud.residents.ResidentStatus before, Resident next) {
        if (!kind.allowedStatusesAfter(before).contains(next.status())) {
            throw ResidentMessages.refusal("E-RES-0042", kind.japanese(), next.status().japanese());
        }
    }

    private static void checkNameItems(ChangeKind kind, Resident next) {
        switch (kind) {
            case FORMER_SURNAME_ENTRY, FORMER_SURNAME_CHANGE -> require(next.formerSurname().isPresent(), kind, "旧氏を記載してください");
            case FORMER_SURNAME_DELETION -> require(next.formerSurname().isEmpty(), kind, "旧氏を記載しません");
            case COMMON_NAME_ENTRY, COMMON_NAME_CHANGE -> require(next.commonName().isPresent(), kind, "通称を記載してください");
            case COMMON_NAME_DELETION -> require(next.commonName().isEmpty(), kind, "通称を記載しません");
            default -> {
            }
        }
    }

    private static void require(boolean condition, ChangeKind kind, String what) {
        if (!condition) {
            throw ResidentMessages.refusal("E-RES-0046", kind.japanese(), what);
        }
    }
}
