package jp.jichitai.cloud.residents;

import java.util.List;
import java.util.Optional;

/**
 * 世帯の表示 (a household as the counter shows it): current members (head first), members who left or were
 * removed, and the timeline of the changes recorded for the household, newest first. {@code historyNumber} is the
 * household's latest 履歴番号, sent back with a change so that a concurrent edit is detected.
 */
public record HouseholdView(HouseholdNumber number, int historyNumber, Optional<AtenaNumber> head, String address,
        List<Resident> members, List<Resident> formerMembers, List<TimelineEntry> timeline) {

    public HouseholdView {
        members = List.copyOf(members);
        formerMembers = List.copyOf(formerMembers);
        timeline = List.copyOf(timeline);
    }

    /** One step of the household's history: the change and the names of the people it touched. */
    public record TimelineEntry(int historyNumber, RecordedChange change, List<String> residents) {
    }
}
