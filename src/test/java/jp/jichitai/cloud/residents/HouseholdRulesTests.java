package jp.jichitai.cloud.residents;

import static jp.jichitai.cloud.residents.ResidentFixture.anyJapaneseResident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.jichitai.cloud.shared.BusinessException;

class HouseholdRulesTests {

    private static final HouseholdNumber HOUSEHOLD = HouseholdNumber.issued(500);

    private static Resident member(long serial, String relationship, ResidentStatus status) {
        return anyJapaneseResident(serial).relationship(Relationship.parse(relationship)).status(status).build();
    }

    @Test
    void aHouseholdHasItsOneHeadAndItsCurrentMembers() {
        Household household = Household.of(HOUSEHOLD, List.of(
                member(1, "世帯主", ResidentStatus.RESIDENT),
                member(2, "妻", ResidentStatus.RESIDENT),
                member(3, "世帯主", ResidentStatus.DECEASED),
                member(4, "子", ResidentStatus.RESIDENT)));

        assertThat(household.head()).isEqualTo(AtenaNumber.issued(1));
        assertThat(household.members()).containsExactly(AtenaNumber.issued(1), AtenaNumber.issued(2), AtenaNumber.issued(4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no head               | 妻,子       | 0
            two heads             | 世帯主,世帯主 | 2
            head removed only     | 妻,-世帯主   | 0
            """)
    void requiresExactlyOneHead(String situation, String relationships, int heads) {
        List<Resident> members = new java.util.ArrayList<>();
        long serial = 10;
        for (String relationship : relationships.split(",")) {
            boolean removed = relationship.startsWith("-");
            members.add(member(serial++, relationship.replace("-", ""), removed ? ResidentStatus.MOVED_OUT : ResidentStatus.RESIDENT));
        }

        assertThatThrownBy(() -> HouseholdRules.requireExactlyOneHead(HOUSEHOLD, members))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> {
                    assertThat(refusal.messageId().value()).isEqualTo("E-RES-0031");
                    assertThat(refusal.japaneseMessage()).isEqualTo(
                            "世帯（世帯番号 " + HOUSEHOLD.value() + "）の世帯主は1人でなければなりません。いまは" + heads + "人です。");
                });
    }

    @Test
    void refusesAMemberOfAnotherHousehold() {
        Resident stranger = anyJapaneseResident(7).householdNumber(HouseholdNumber.issued(501)).build();

        assertThatThrownBy(() -> HouseholdRules.requireExactlyOneHead(HOUSEHOLD, List.of(member(1, "世帯主", ResidentStatus.RESIDENT), stranger)))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.japaneseMessage())
                        .isEqualTo("世帯（世帯番号 5002）に別の世帯の住民（宛名番号 78）は含められません。"));
    }
}
