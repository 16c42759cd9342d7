package jp.jichitai.cloud.residents;

import java.util.Collection;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 世帯の規則 (household rules): checks over all current members of one household, made after a change that
 * touches the household (転入, 世帯分離, 世帯合併, 世帯変更, 世帯主変更, 死亡 of the head ...).
 */
public final class HouseholdRules {

    private HouseholdRules() {
    }

    /**
     * A household has exactly one 世帯主 among its current members (住民状態 住民); removed members do not count.
     * Every member given must belong to the household.
     */
    public static void requireExactlyOneHead(HouseholdNumber household, Collection<Resident> members) {
        for (Resident member : members) {
            if (!member.householdNumber().equals(household)) {
                throw ResidentMessages.refusal("E-RES-0049", household, member.atenaNumber());
            }
        }
        long heads = members.stream()
                .filter(member -> !member.isRemoved())
                .filter(member -> member.relationship().isHouseholdHead())
                .count();
        if (heads != 1) {
            throw ResidentMessages.refusal("E-RES-0031", household, heads);
        }
    }
}
