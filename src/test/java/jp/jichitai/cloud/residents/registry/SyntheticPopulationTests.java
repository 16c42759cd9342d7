package jp.jichitai.cloud.residents.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.residents.HouseholdRules;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentSeeder.SeedHousehold;

class SyntheticPopulationTests {

    static final SyntheticPopulation.Town NAYORO = new SyntheticPopulation.Town("名寄市", "096",
            List.of(new String[] {"010100", "西1条南"}, new String[] {"030100", "智恵文"}));

    static List<SeedHousehold> population(long seed) {
        return new SyntheticPopulation(seed, NAYORO, LocalDate.of(2025, 4, 1), 1, 1).households(5000);
    }

    static List<Resident> everyone(List<SeedHousehold> households) {
        return households.stream().flatMap(household -> household.members().stream()).map(ResidentHistory::current).toList();
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() {
        assertThat(everyone(population(12211))).isEqualTo(everyone(population(12211)));
        assertThat(everyone(population(12211))).isNotEqualTo(everyone(population(12203)));
    }

    @Test
    void householdsHaveOneHeadAndThePopulationHasVariantsForeignersHistoryAndRemovedRecords() {
        List<SeedHousehold> households = population(12211);
        List<Resident> people = everyone(households);
        assertThat(people).hasSize(5000);
        for (SeedHousehold household : households) {
            List<Resident> current = household.members().stream().map(ResidentHistory::current)
                    .filter(resident -> !resident.isRemoved()).toList();
            if (!current.isEmpty()) {
                HouseholdRules.requireExactlyOneHead(household.number(), current);
            }
        }
        assertThat(people).anySatisfy(person -> assertThat(person.name().name()).startsWith("髙橋"));
        assertThat(people).anySatisfy(person -> assertThat(person.name().name()).contains("﨑"));
        long foreign = people.stream().filter(person -> person.kind() == ResidentKind.FOREIGN).count();
        assertThat(foreign).isBetween(10L, 150L);
        assertThat(people).filteredOn(Resident::isRemoved).hasSizeBetween(50, 400);
        assertThat(households.stream().flatMap(household -> household.members().stream())
                .filter(history -> history.entries().size() > 1)).hasSizeGreaterThan(300);
        assertThat(people).allSatisfy(person -> assertThat(person.atenaNumber().isIssuedForm()).isTrue());
    }
}
