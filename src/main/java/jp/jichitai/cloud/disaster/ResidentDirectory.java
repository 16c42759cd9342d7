package jp.jichitai.cloud.disaster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * 被災者台帳の住民情報 (the population the victim registry is built from): the port through which the disaster
 * module reads people and households. The implementation in this module reads what was loaded from the data
 * setup tool's import file and the people added by hand at the counter; an adapter over the live resident
 * registry can replace it (declare it {@code @Primary}). Callers audit; implementations do not.
 */
public interface ResidentDirectory {

    /** 個人検索 (step 003): people matching every given term, each with their household, at most {@code limit}. */
    List<DirectoryMatch> search(PersonQuery query, int limit);

    /** The person with this 宛名番号 (hand-added people have numbers starting with N), with their household. */
    Optional<DirectoryMatch> findByAtenaNumber(String atenaNumber);

    /** The current residents of the given 行政区 (by 行政区コード), ordered by household; hand-added people excluded. */
    List<DirectoryPerson> currentResidentsOf(Collection<String> districtCodes);
}
