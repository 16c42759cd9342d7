package jp.jichitai.cloud.synthetic;

import java.util.List;

/** A generated 世帯 (household): its 世帯番号 and every person ever in it, removed ones (除票) included. */
public record SyntheticHousehold(String householdNumber, List<SyntheticPerson> members) {

    public SyntheticHousehold {
        members = List.copyOf(members);
    }

    public long currentResidents() {
        return members.stream().filter(SyntheticPerson::isCurrentResident).count();
    }
}
