package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.disaster.DirectoryMatch;
import jp.jichitai.cloud.disaster.PersonQuery;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.tenancy.TenantContext;

/** The victim directory's search by given name: a prefix range of the given-name keys, and their start-up keying. */
class VictimDirectorySearchIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcResidentDirectory directory;
    @Autowired
    DirectoryGivenNameKeys givenNameKeys;

    private List<String> found(String terms) {
        return TenantContext.callAs(NAYORO, () -> directory.search(PersonQuery.parse(terms), 50)).stream()
                .map(DirectoryMatch::person).map(person -> person.atenaNumber()).toList();
    }

    @Test
    void aGivenNameOrItsBeginningFindsThePersonButNotTheTailOfAName() throws Exception {
        DisasterFixture.seed(directory, NAYORO);
        assertThat(found("イチロウ")).contains(DisasterFixture.SATO_ICHIRO);
        assertThat(found("いち")).contains(DisasterFixture.SATO_ICHIRO);
        assertThat(found("一郎")).contains(DisasterFixture.SATO_ICHIRO);
        assertThat(found("サトウ")).contains(DisasterFixture.SATO_ICHIRO, DisasterFixture.SATO_HANAKO);
        assertThat(found("ロウ")).doesNotContain(DisasterFixture.SATO_ICHIRO);

        // rows loaded before the keys existed are keyed at start-up
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            owner.createStatement().executeUpdate("UPDATE victim_directory_person SET given_kana_key = NULL, given_name_key = NULL"
                    + " WHERE tenant_id = '" + NAYORO.value() + "'");
        }
        assertThat(found("イチロウ")).doesNotContain(DisasterFixture.SATO_ICHIRO);
        int keyed = TenantContext.callAs(NAYORO, givenNameKeys::keyCurrentTenant);
        assertThat(keyed).isEqualTo(8);
        assertThat(found("イチロウ")).contains(DisasterFixture.SATO_ICHIRO);
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet rows = owner.createStatement().executeQuery("SELECT COUNT(*) FROM victim_directory_person"
                        + " WHERE given_kana_key IS NULL OR given_name_key IS NULL")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}
