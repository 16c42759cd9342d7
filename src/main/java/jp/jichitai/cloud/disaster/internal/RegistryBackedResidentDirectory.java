package jp.jichitai.cloud.disaster.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.disaster.ResidentDirectory;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * The victim registry's population for a town whose resident registry is in this service: people are read from
 * the live registry at the moment of the search, so a 異動 recorded there shows at the disaster counter at once.
 * People the registry does not know (loaded from the setup tool's file, or added by hand at the counter) come from
 * the victim directory table and follow the registry's matches.
 */
@Component
@Primary
class RegistryBackedResidentDirectory implements ResidentDirectory {

    private final Residents residents;
    private final JdbcResidentDirectory directoryTable;
    private final Tenants tenants;

    RegistryBackedResidentDirectory(Residents residents, JdbcResidentDirectory directoryTable, Tenants tenants) {
        this.residents = residents;
        this.directoryTable = directoryTable;
        this.tenants = tenants;
    }

    @Override
    public List<DirectoryMatch> search(PersonQuery query, int limit) {
        String terms = !query.kana().isEmpty() ? query.kana() : !query.name().isEmpty() ? query.name() : query.birthDate();
        Map<String, String> districtNames = districtNames();
        List<AtenaNumber> candidates = residents.search(terms).stream().filter(summary -> !summary.isRemoved())
                .map(ResidentSummary::atenaNumber).toList();
        // Every candidate's current record and household in one read (not one record and one household per match).
        Map<AtenaNumber, DirectoryMatch> byPerson = matchesOf(candidates, districtNames);
        List<DirectoryMatch> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AtenaNumber candidate : candidates) {
            if (matches.size() >= limit) {
                break;
            }
            Optional.ofNullable(byPerson.get(candidate))
                    .filter(found -> query.birthDate().isEmpty() || query.birthDate().equals(found.person().birthDate()))
                    .ifPresent(found -> {
                        matches.add(found);
                        seen.add(found.person().atenaNumber());
                    });
        }
        for (DirectoryMatch other : directoryTable.search(query, limit)) {
            if (matches.size() < limit && seen.add(other.person().atenaNumber())) {
                matches.add(other);
            }
        }
        return matches;
    }

    @Override
    public Optional<DirectoryMatch> findByAtenaNumber(String atenaNumber) {
        if (atenaNumber != null && atenaNumber.strip().matches("[0-9]{1,15}")) {
            AtenaNumber number = AtenaNumber.migrated(atenaNumber.strip());
            Optional<DirectoryMatch> registered = Optional.ofNullable(matchesOf(List.of(number), districtNames()).get(number));
            if (registered.isPresent()) {
                return registered;
            }
        }
        return directoryTable.findByAtenaNumber(atenaNumber);
    }

    /** The registry offers no listing by 行政区 yet: the victim directory table answers (see the class comment). */
    @Override
    public List<DirectoryPerson> currentResidentsOf(Collection<String> districtCodes) {
        return directoryTable.currentResidentsOf(districtCodes);
    }

    /**
     * Each person's match (their current record and the current members of their household, head first, then by
     * birth date); people removed from the registry or unknown have none.
     */
    private Map<AtenaNumber, DirectoryMatch> matchesOf(List<AtenaNumber> people, Map<String, String> districtNames) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<HouseholdNumber, List<Resident>> households = new LinkedHashMap<>();
        for (Resident member : residents.currentHouseholdsOf(people)) {
            households.computeIfAbsent(member.householdNumber(), number -> new ArrayList<>()).add(member);
        }
        Map<AtenaNumber, DirectoryMatch> matches = new HashMap<>();
        for (List<Resident> members : households.values()) {
            members.sort(Comparator.comparing((Resident member) -> !member.relationship().isHouseholdHead())
                    .thenComparing(member -> member.birthDate()));
            String headName = members.stream().filter(member -> member.relationship().isHouseholdHead())
                    .findFirst().map(head -> head.name().name()).orElse("");
            List<DirectoryPerson> household = members.stream().map(member -> person(member, headName, districtNames)).toList();
            for (int i = 0; i < members.size(); i++) {
                matches.put(members.get(i).atenaNumber(), new DirectoryMatch(household.get(i), household));
            }
        }
        return matches;
    }

    private static DirectoryPerson person(Resident resident, String headName, Map<String, String> districtNames) {
        String district = resident.address().administrativeDistrict();
        return new DirectoryPerson(resident.atenaNumber().value(), resident.householdNumber().value(),
                resident.name().name(), resident.name().kana(), resident.birthDate().toStandardCsv(),
                resident.sex().japanese(), resident.relationship().text(), headName,
                resident.address().postalCode() == null ? "" : resident.address().postalCode().toString(),
                district, district == null ? "" : districtNames.getOrDefault(district, ""), resident.address().text(),
                resident.address().buildingLine(), resident.kind() == ResidentKind.FOREIGN ? "外国人" : "日本人", false);
    }

    private Map<String, String> districtNames() {
        return tenants.currentDistricts().stream().collect(Collectors.toMap(District::code, District::name, (a, b) -> a));
    }

}
