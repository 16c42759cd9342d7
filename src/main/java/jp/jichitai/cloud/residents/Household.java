package jp.jichitai.cloud.residents;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * 世帯 (household): its 世帯番号, its 世帯主 and its current members, referred to by 宛名番号. Built from the
 * members' current snapshots, which must pass the {@link HouseholdRules}.
 */
public record Household(HouseholdNumber number, AtenaNumber head, List<AtenaNumber> members) {

    public Household {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(head, "head");
        members = List.copyOf(members);
        if (!members.contains(head) || members.stream().distinct().count() != members.size()) {
            throw new IllegalArgumentException("the head must be one of the distinct members");
        }
    }

    /** The household formed by these current snapshots (removed members are left out). */
    public static Household of(HouseholdNumber number, Collection<Resident> snapshots) {
        HouseholdRules.requireExactlyOneHead(number, snapshots);
        List<Resident> current = snapshots.stream().filter(resident -> !resident.isRemoved()).toList();
        AtenaNumber head = current.stream()
                .filter(resident -> resident.relationship().isHouseholdHead())
                .findFirst().orElseThrow().atenaNumber();
        return new Household(number, head, current.stream().map(Resident::atenaNumber).toList());
    }
}
