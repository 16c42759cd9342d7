package jp.jichitai.cloud.disaster;

import java.util.List;

/** A person found by the {@link ResidentDirectory}, with every member of their household (the person included). */
public record DirectoryMatch(DirectoryPerson person, List<DirectoryPerson> household) {

    public DirectoryMatch {
        household = List.copyOf(household);
    }
}
