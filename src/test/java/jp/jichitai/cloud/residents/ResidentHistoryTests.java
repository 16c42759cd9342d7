package jp.jichitai.cloud.residents;

import static jp.jichitai.cloud.residents.ResidentFixture.TODAY;
import static jp.jichitai.cloud.residents.ResidentFixture.anyForeignResident;
import static jp.jichitai.cloud.residents.ResidentFixture.anyJapaneseResident;
import static jp.jichitai.cloud.residents.ResidentFixture.moveIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.jichitai.cloud.shared.BusinessException;

class ResidentHistoryTests {

    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    private static ResidentHistory movedInYesterday() {
        return ResidentHistory.begin(moveIn(YESTERDAY.minusDays(30)), anyJapaneseResident(1).build(), TODAY);
    }

    private static ResidentHistory removedByDeath() {
        ResidentHistory history = movedInYesterday();
        history.record(Change.notified(ChangeKind.DEATH, YESTERDAY, TODAY),
                history.current().toBuilder().status(ResidentStatus.DECEASED).build(), TODAY);
        return history;
    }

    @Test
    void appendsFullSnapshotsNumberedFromOneAndNeverOverwrites() {
        ResidentHistory history = movedInYesterday();
        Resident first = history.current();
        Address newAddress = new Address(PostalCode.parse("096-0012"), "北海道名寄市西2条南1丁目", "010300", "");

        HistoryEntry moved = history.record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, YESTERDAY, TODAY),
                first.toBuilder().address(newAddress).build(), TODAY);

        assertThat(moved.historyNumber()).isEqualTo(2);
        assertThat(history.entries()).extracting(HistoryEntry::historyNumber).containsExactly(1, 2);
        assertThat(history.entries().get(0).snapshot()).isEqualTo(first);
        assertThat(history.current().address()).isEqualTo(newAddress);
        assertThat(history.current().changedOn()).isEqualTo(YESTERDAY);
        assertThat(history.current().notifiedOn()).contains(TODAY);
    }

    @Test
    void cancellationRestoresThePreviousSnapshotAsANewEntry() {
        ResidentHistory history = movedInYesterday();
        Resident beforeMove = history.current();
        history.record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, YESTERDAY, TODAY),
                beforeMove.toBuilder().address(new Address(PostalCode.parse("0960012"), "名寄市西2条南1丁目", "010300", "")).build(), TODAY);

        HistoryEntry cancelled = history.cancelLatest(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), TODAY);

        assertThat(cancelled.historyNumber()).isEqualTo(3);
        assertThat(cancelled.snapshot()).isEqualTo(beforeMove);
        assertThat(history.entries()).hasSize(3);
        assertThat(history.entries().get(1).change().kind()).isEqualTo(ChangeKind.MOVE_WITHIN_MUNICIPALITY);
    }

    @Test
    void cancellingAWrongDeathRestoresTheResident() {
        ResidentHistory history = removedByDeath();

        history.cancelLatest(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), TODAY);

        assertThat(history.current().status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(history.entries()).extracting(entry -> entry.snapshot().status()).containsExactly(
                ResidentStatus.RESIDENT, ResidentStatus.DECEASED, ResidentStatus.RESIDENT);
    }

    @Test
    void moveOutMayBeRecordedForAPlannedDay() {
        ResidentHistory history = movedInYesterday();

        history.record(Change.notified(ChangeKind.DOMESTIC_MOVE_OUT, TODAY.plusDays(10), TODAY),
                history.current().toBuilder().status(ResidentStatus.MOVED_OUT).build(), TODAY);

        assertThat(history.current().isRemoved()).isTrue();
        assertThat(history.current().changedOn()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void aRemovedRecordMayStillBeCorrected() {
        ResidentHistory history = removedByDeath();

        history.record(Change.exOfficio(ChangeKind.CLERICAL_ERROR_CORRECTION, TODAY),
                history.current().toBuilder().name(PersonName.of("名寄 太朗", "ナヨロ タロウ")).build(), TODAY);

        assertThat(history.current().name().name()).isEqualTo("名寄 太朗");
        assertThat(history.current().status()).isEqualTo(ResidentStatus.DECEASED);
    }

    static Stream<Arguments> refusedChanges() {
        return Stream.of(
                refused("異動日 in the future", "E-RES-0030", "異動日（令和7年4月2日）が未来の日付です。未来の日付にできるのは転出の予定日だけです。",
                        history -> history.record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, TOMORROW, TODAY),
                                history.current(), TODAY)),
                refused("届出日 in the future", "E-RES-0044", "届出日（令和7年4月2日）が未来の日付です。",
                        history -> history.record(Change.notified(ChangeKind.DOMESTIC_MOVE_OUT, TOMORROW, TOMORROW),
                                history.current().toBuilder().status(ResidentStatus.MOVED_OUT).build(), TODAY)),
                refused("転居 of a 除票", "E-RES-0032", "消除された住民（宛名番号 19、死亡）に転居は記録できません。",
                        history -> removedByDeath().record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, TODAY, TODAY),
                                removedByDeath().current(), TODAY)),
                refused("転出 of a 除票", "E-RES-0032", "消除された住民（宛名番号 19、死亡）に国内転出は記録できません。",
                        history -> removedByDeath().record(Change.notified(ChangeKind.DOMESTIC_MOVE_OUT, TODAY, TODAY),
                                removedByDeath().current().toBuilder().status(ResidentStatus.MOVED_OUT).build(), TODAY)),
                refused("死亡 before birth", "E-RES-0033", "死亡日（昭和45年2月28日）が生年月日（昭和45年3月1日）より前です。",
                        history -> history.record(Change.notified(ChangeKind.DEATH, LocalDate.of(1970, 2, 28), TODAY),
                                history.current().toBuilder().status(ResidentStatus.DECEASED).build(), TODAY)),
                refused("死亡 before a partly unknown birth", "E-RES-0033", "死亡日（昭和44年12月31日）が生年月日（昭和45年月日不詳）より前です。",
                        history -> history.record(Change.notified(ChangeKind.DEATH, LocalDate.of(1969, 12, 31), TODAY),
                                history.current().toBuilder().birthDate(RecordedDate.parse("昭和45年不詳"))
                                        .status(ResidentStatus.DECEASED).build(), TODAY)),
                refused("死亡 leaving the status 住民", "E-RES-0042", "死亡の後の住民状態は住民にできません。",
                        history -> history.record(Change.notified(ChangeKind.DEATH, YESTERDAY, TODAY), history.current(), TODAY)),
                refused("転居 changing the status", "E-RES-0042", "転居の後の住民状態は転出にできません。",
                        history -> history.record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, YESTERDAY, TODAY),
                                history.current().toBuilder().status(ResidentStatus.MOVED_OUT).build(), TODAY)),
                refused("another 宛名番号", "E-RES-0043", "宛名番号 19 の履歴に宛名番号 27 の住民票は記録できません。",
                        history -> history.record(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, YESTERDAY, TODAY),
                                history.current().toBuilder().atenaNumber(AtenaNumber.issued(2)).build(), TODAY)),
                refused("日本人 becoming 外国人", "E-RES-0045", "住民種別（日本人・外国人）は同じ履歴の中で変えられません。消除して新しい住民票を作成してください。",
                        history -> history.record(Change.exOfficio(ChangeKind.EX_OFFICIO_CORRECTION, YESTERDAY),
                                anyForeignResident(1).build(), TODAY)),
                refused("旧氏記載 without a 旧氏", "E-RES-0046", "旧氏記載の後は旧氏を記載してください。",
                        history -> history.record(Change.notified(ChangeKind.FORMER_SURNAME_ENTRY, YESTERDAY, TODAY),
                                history.current(), TODAY)),
                refused("a cancellation recorded as a change", "E-RES-0048", "異動の取消しは取消しの異動として記録してください。",
                        history -> history.record(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), history.current(), TODAY)),
                refused("cancelling the first 記載", "E-RES-0040", "取り消せる異動がありません。最初の記載は取り消せません。",
                        history -> history.cancelLatest(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), TODAY)),
                refused("cancelling a cancellation", "E-RES-0041", "異動の取消しは取り消せません。正しい内容を新しい異動として記録してください。",
                        history -> {
                            ResidentHistory removed = removedByDeath();
                            removed.cancelLatest(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), TODAY);
                            removed.cancelLatest(Change.exOfficio(ChangeKind.CANCELLATION, TODAY), TODAY);
                        }),
                refused("beginning with a 転居", "E-RES-0039", "最初の異動は記載（転入、出生、職権記載など）でなければなりません。転居から始めることはできません。",
                        history -> ResidentHistory.begin(Change.notified(ChangeKind.MOVE_WITHIN_MUNICIPALITY, YESTERDAY, TODAY),
                                anyJapaneseResident(3).build(), TODAY)),
                refused("beginning in the future", "E-RES-0030", "異動日（令和7年4月2日）が未来の日付です。未来の日付にできるのは転出の予定日だけです。",
                        history -> ResidentHistory.begin(moveIn(TOMORROW), anyJapaneseResident(3).build(), TODAY)),
                refused("beginning as a 除票", "E-RES-0042", "国内転入の後の住民状態は転出にできません。",
                        history -> ResidentHistory.begin(moveIn(YESTERDAY),
                                anyJapaneseResident(3).status(ResidentStatus.MOVED_OUT).build(), TODAY)));
    }

    private static Arguments refused(String rule, String messageId, String message, Consumer<ResidentHistory> attempt) {
        return Arguments.of(rule, messageId, message, attempt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedChanges")
    void refusesChangesThatBreakARuleWithAJapaneseMessage(String rule, String messageId, String message,
            Consumer<ResidentHistory> attempt) {
        ResidentHistory history = movedInYesterday();
        int entriesBefore = history.entries().size();

        assertThatThrownBy(() -> attempt.accept(history)).isInstanceOfSatisfying(BusinessException.class, refusal -> {
            assertThat(refusal.messageId().value()).isEqualTo(messageId);
            assertThat(refusal.japaneseMessage()).isEqualTo(message);
        });
        assertThat(history.entries()).hasSize(entriesBefore);
    }

    @Test
    void reconstitutesStoredHistoryCheckingOnlyItsNumbering() {
        Resident snapshot = anyJapaneseResident(1).build();
        HistoryEntry first = new HistoryEntry(1, moveIn(YESTERDAY), snapshot);
        HistoryEntry third = new HistoryEntry(3, moveIn(YESTERDAY), snapshot);

        assertThat(ResidentHistory.reconstitute(java.util.List.of(first)).current()).isEqualTo(snapshot);
        assertThatThrownBy(() -> ResidentHistory.reconstitute(java.util.List.of(first, third)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foreignResidentsMayHaveACommonNameRecordedAndDeleted() {
        ResidentHistory history = ResidentHistory.begin(moveIn(YESTERDAY), anyForeignResident(5).build(), TODAY);

        history.record(Change.notified(ChangeKind.COMMON_NAME_ENTRY, TODAY, TODAY),
                history.current().toBuilder().commonName(Optional.of(PersonName.of("須美寿 譲", "スミス ジョウ"))).build(), TODAY);
        history.record(Change.notified(ChangeKind.COMMON_NAME_DELETION, TODAY, TODAY),
                history.current().toBuilder().commonName(Optional.empty()).build(), TODAY);

        assertThat(history.entries()).extracting(entry -> entry.snapshot().commonName().isPresent())
                .containsExactly(false, true, false);
    }
}
