package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.audit.AuditRecord;
import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The counter's search over the live registry reads all matches with their households at once. Its answer must be
 * what reading each match's record and household one by one gives (the registry's own views): the same people, in
 * the same order, each with the current members of their household (head first, then by birth date) and the
 * head's name; and the read is recorded in the audit log with every person shown.
 */
class RegistryBackedDirectoryIntegrationTests extends IntegrationTest {

    @Autowired
    RegistryBackedResidentDirectory directory;
    @Autowired
    Residents residents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void searchGivesEachMatchWithItsHouseholdAsTheRegistryShowsThem() {
        TenantContext.runAs(NAYORO, () -> {
            // Surnames of households with several members, and one birth date, from the demo population.
            List<String> surnames = new TransactionTemplate(transactions).execute(status -> jdbc.sql("""
                    SELECT DISTINCT s.kana FROM resident_current c JOIN resident_snapshot s ON s.tenant_id = c.tenant_id
                       AND s.atena_number = c.atena_number AND s.history_number = c.history_number
                     WHERE c.tenant_id = ? AND c.status = 'RESIDENT' AND c.household_number IN (
                           SELECT household_number FROM resident_current WHERE tenant_id = ? AND status = 'RESIDENT'
                            GROUP BY household_number HAVING COUNT(*) >= 3)
                     ORDER BY s.kana""")
                    .params(NAYORO.value(), NAYORO.value()).query(String.class).list().stream()
                    .map(kana -> kana.split("[ 　]")[0]).distinct().limit(4).toList());
            assertThat(surnames).as("the demo population has households of three or more").isNotEmpty();
            int multiMember = 0;
            for (String surname : surnames) {
                List<DirectoryMatch> found = directory.search(PersonQuery.parse(surname), 50);
                List<DirectoryMatch> expected = oneByOne(surname);
                assertThat(found).as(surname).isEqualTo(expected).isNotEmpty();
                multiMember += (int) found.stream().filter(match -> match.household().size() >= 3).count();
            }
            assertThat(multiMember).isPositive();

            DirectoryMatch first = directory.search(PersonQuery.parse(surnames.get(0)), 50).get(0);
            AuditRecord read = auditLog.newest(1).get(0);
            assertThat(read.action()).isEqualTo("household.view");
            assertThat(read.query()).contains(first.person().atenaNumber());
            assertThat(directory.findByAtenaNumber(first.person().atenaNumber())).contains(first);
            assertThat(directory.findByAtenaNumber("999999999999999")).isEmpty();
        });
    }

    /** What the search gave before it read matches at once: each match's record, then its household. */
    private List<DirectoryMatch> oneByOne(String surname) {
        List<DirectoryMatch> matches = new ArrayList<>();
        for (ResidentSummary summary : residents.search(surname)) {
            if (summary.isRemoved()) {
                continue;
            }
            Optional<Resident> current = residents.find(summary.atenaNumber()).map(record -> record.current())
                    .filter(person -> !person.isRemoved());
            if (current.isEmpty()) {
                continue;
            }
            HouseholdView household = residents.household(current.get().householdNumber()).orElseThrow();
            String headName = household.members().stream().filter(member -> member.relationship().isHouseholdHead())
                    .findFirst().map(head -> head.name().name()).orElse("");
            List<DirectoryPerson> members = household.members().stream().map(member -> person(member, headName)).toList();
            matches.add(new DirectoryMatch(person(current.get(), headName), members));
        }
        return matches;
    }

    private DirectoryPerson person(Resident resident, String headName) {
        // Compared field by field with what the directory builds from the same registry record.
        DirectoryPerson built = directory.findByAtenaNumber(resident.atenaNumber().value()).orElseThrow().person();
        assertThat(built.name()).isEqualTo(resident.name().name());
        assertThat(built.kana()).isEqualTo(resident.name().kana());
        assertThat(built.birthDate()).isEqualTo(resident.birthDate().toStandardCsv());
        assertThat(built.householdNumber()).isEqualTo(resident.householdNumber().value());
        assertThat(built.relationship()).isEqualTo(resident.relationship().text());
        assertThat(built.address()).isEqualTo(resident.address().text());
        assertThat(built.headName()).isEqualTo(headName);
        return built;
    }
}
