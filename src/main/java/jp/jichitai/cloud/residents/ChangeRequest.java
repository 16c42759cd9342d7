package jp.jichitai.cloud.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * 異動届 (a change to record): one record type per kind of 異動, with the dates of the 届出 and, when the clerk's
 * screen showed a household, the household's 履歴番号 as shown ({@code expectedHouseholdHistory}): if another
 * clerk changed the household since, the change is refused instead of silently overwriting theirs.
 */
public sealed interface ChangeRequest {

    /** 異動日 (for a 転出 the planned day, which may lie in the future). */
    LocalDate changedOn();

    /** 届出日; empty for changes made 職権. */
    Optional<LocalDate> notifiedOn();

    /** The household's 履歴番号 the clerk saw, if any. */
    OptionalInt expectedHouseholdHistory();

    /**
     * 転入 (国内転入 or 国外転入) or 職権記載: a new person, heading a new household or joining {@code joinHousehold}.
     */
    record MoveIn(ChangeKind kind, LocalDate changedOn, Optional<LocalDate> notifiedOn, NewResident person,
            Optional<HouseholdNumber> joinHousehold, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /** 出生: a child born into {@code household}; the 異動日 is the day of birth. Address and kind follow the household. */
    record Birth(LocalDate changedOn, Optional<LocalDate> notifiedOn, HouseholdNumber household, PersonName name,
            Sex sex, Relationship relationship, Optional<FamilyRegister> familyRegister, Entitlements entitlements,
            OptionalInt expectedHouseholdHistory) implements ChangeRequest {

        /** A newborn holds only the 資格 a newborn can hold: 国民健康保険 (with the household) and 児童手当. */
        public Birth {
            if (entitlements.onElectoralRoll() || entitlements.lateStageElderlyMedicalCare()
                    || entitlements.longTermCareInsurance() || entitlements.nationalPension() != NationalPensionCategory.NOT_INSURED) {
                throw new IllegalArgumentException("a newborn holds no electoral, elderly, care or pension entitlement");
            }
        }
    }

    /** 転居: the whole household of {@code resident} moves to another address in the municipality. */
    record Relocation(AtenaNumber resident, LocalDate changedOn, Optional<LocalDate> notifiedOn, Address newAddress,
            OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /** 世帯分離: {@code resident} leaves the household and heads a new one at the same address. */
    record HouseholdSeparation(AtenaNumber resident, LocalDate changedOn, Optional<LocalDate> notifiedOn,
            OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /**
     * 世帯合併: every member of {@code from} joins {@code into} (same address); {@code relationships} gives each
     * joining member's 続柄 to the head of {@code into}.
     */
    record HouseholdMerger(HouseholdNumber from, HouseholdNumber into, Map<AtenaNumber, Relationship> relationships,
            LocalDate changedOn, Optional<LocalDate> notifiedOn, OptionalInt expectedHouseholdHistory)
            implements ChangeRequest {
    }

    /** 世帯変更: {@code resident} moves from one household to {@code into} at the same address, with a new 続柄. */
    record HouseholdChange(AtenaNumber resident, HouseholdNumber into, Relationship relationship, LocalDate changedOn,
            Optional<LocalDate> notifiedOn, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /**
     * 世帯主変更: {@code newHead} becomes the 世帯主; {@code relationships} gives the new 続柄 of the other members
     * (a member left out keeps the one recorded).
     */
    record HeadChange(HouseholdNumber household, AtenaNumber newHead, Map<AtenaNumber, Relationship> relationships,
            LocalDate changedOn, Optional<LocalDate> notifiedOn, OptionalInt expectedHouseholdHistory)
            implements ChangeRequest {
    }

    /** 転出 (国内転出 or 国外転出) of some or all members of one household; the 異動日 is the planned day. */
    record MoveOut(ChangeKind kind, List<AtenaNumber> members, LocalDate changedOn, Optional<LocalDate> notifiedOn,
            String destination, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /**
     * 死亡: when the 世帯主 dies and others remain, {@code newHead} names the member who becomes 世帯主 in the same
     * change (the others keep their 続柄 until a 世帯主変更 or 職権修正 corrects them).
     */
    record Death(AtenaNumber resident, LocalDate changedOn, Optional<LocalDate> notifiedOn,
            Optional<AtenaNumber> newHead, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /** 職権消除: the municipality removes a record (e.g. the person no longer lives at the address). */
    record ExOfficioRemoval(AtenaNumber resident, LocalDate changedOn, Optional<AtenaNumber> newHead,
            OptionalInt expectedHouseholdHistory) implements ChangeRequest {
        @Override
        public Optional<LocalDate> notifiedOn() {
            return Optional.empty();
        }
    }

    /** 職権修正 or 誤記修正 of items of one record, current or removed. */
    record Correction(ChangeKind kind, AtenaNumber resident, LocalDate changedOn, Optional<LocalDate> notifiedOn,
            CorrectedItems items, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /** 旧氏 or 通称 の記載・変更・削除; {@code name} is empty for a 削除. */
    record NameItem(ChangeKind kind, AtenaNumber resident, LocalDate changedOn, Optional<LocalDate> notifiedOn,
            Optional<PersonName> name, OptionalInt expectedHouseholdHistory) implements ChangeRequest {
    }

    /**
     * 異動の取消し: cancels the latest change of {@code resident}, for every resident that change touched, by
     * appending the snapshots from before it.
     */
    record Cancellation(AtenaNumber resident, LocalDate changedOn, String reason,
            OptionalInt expectedHouseholdHistory) implements ChangeRequest {
        @Override
        public Optional<LocalDate> notifiedOn() {
            return Optional.empty();
        }
    }
}
