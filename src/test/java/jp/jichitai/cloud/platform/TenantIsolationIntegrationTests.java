package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** A user of 士別市 asking for 名寄市's data gets nothing, and cannot tell whether 名寄市 exists. */
class TenantIsolationIntegrationTests extends IntegrationTest {

    /** A valid code (check digit correct) of a municipality that does not use the service. */
    static final String UNUSED_VALID_CODE = "011002";

    @Autowired
    UserAccounts accounts;

    Http http;
    String shibetsuAdmin;
    String nayoroAdmin;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        TestUsers.ensure(accounts, SHIBETSU, Role.CLERK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/districts", "/audit-log", "/users", "/no-such-resource"})
    void anotherTownsPathLooksExactlyLikeATownThatDoesNotExist(String resource) {
        assertThat(TenantCode.isValid(UNUSED_VALID_CODE)).isTrue();
        HttpResponse<String> otherTown = http.get("/api/v1/t/" + NAYORO.value() + resource, shibetsuAdmin, PASSWORD);
        HttpResponse<String> noTown = http.get("/api/v1/t/" + UNUSED_VALID_CODE + resource, shibetsuAdmin, PASSWORD);
        assertThat(otherTown.statusCode()).isEqualTo(404);
        assertThat(otherTown.body()).isEqualTo(noTown.body()).contains("E-API-0404").doesNotContain("名寄");
        assertThat(noTown.statusCode()).isEqualTo(404);
    }

    @Test
    void aTryForAnotherTownIsAuditedInTheAskersLogOnly() {
        http.get("/api/v1/t/" + NAYORO.value() + "/districts", shibetsuAdmin, PASSWORD);
        String shibetsuLog = http.get("/api/v1/t/" + SHIBETSU.value() + "/audit-log?limit=5", shibetsuAdmin, PASSWORD).body();
        assertThat(shibetsuLog).contains("access.other-tenant").contains("\"outcome\":\"DENIED\"");
        String nayoroLog = http.get("/api/v1/t/" + NAYORO.value() + "/audit-log?limit=50", nayoroAdmin, PASSWORD).body();
        assertThat(nayoroLog).doesNotContain("access.other-tenant").doesNotContain(shibetsuAdmin);
    }

    @Test
    void ownTownAnswersItsProfile() {
        HttpResponse<String> own = http.get("/api/v1/t/" + SHIBETSU.value(), shibetsuAdmin, PASSWORD);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"code\":\"012203\"").contains("士別市").doesNotContain("名寄市");
    }

    @Test
    void districtsAreOnlyTheUsersOwn() {
        String shibetsu = http.get("/api/v1/t/" + SHIBETSU.value() + "/districts", shibetsuAdmin, PASSWORD).body();
        String nayoro = http.get("/api/v1/t/" + NAYORO.value() + "/districts", nayoroAdmin, PASSWORD).body();
        assertThat(shibetsu).contains("上士別町").doesNotContain("風連町").doesNotContain("智恵文");
        assertThat(nayoro).contains("風連町").doesNotContain("上士別町");
    }

    @Test
    void usersListIsOnlyTheTownsOwn() {
        String users = http.get("/api/v1/t/" + SHIBETSU.value() + "/users", shibetsuAdmin, PASSWORD).body();
        assertThat(users).contains(shibetsuAdmin).doesNotContain(nayoroAdmin).doesNotContain("nayoro-");
    }

    @Test
    void unlockingAnotherTownsUserIsRefusedAsNotFound() {
        HttpResponse<String> response = http.post("/api/v1/t/" + SHIBETSU.value() + "/users/" + nayoroAdmin + "/unlock",
                shibetsuAdmin, PASSWORD, "{}");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void auditLogShowsOnlyTheTownsOwnEntries() {
        http.get("/api/v1/t/" + NAYORO.value() + "/audit-log", nayoroAdmin, PASSWORD);
        String shibetsuLog = http.get("/api/v1/t/" + SHIBETSU.value() + "/audit-log?limit=1000", shibetsuAdmin,
                PASSWORD).body();
        assertThat(shibetsuLog).contains("\"tenantScope\":\"012203\"")
                .doesNotContain("\"tenantScope\":\"012211\"").doesNotContain(nayoroAdmin);
    }

    @Test
    void theOperatorSeesTheTownsButNoTownsData() {
        String operator = TestUsers.ensureOperator(accounts);
        String tenants = http.get("/api/v1/operator/tenants", operator, PASSWORD).body();
        assertThat(tenants).contains("012211", "012203", "013706");
        for (TenantCode town : List.of(NAYORO, SHIBETSU, IMAKANE)) {
            assertThat(http.get("/api/v1/t/" + town.value() + "/districts", operator, PASSWORD).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aTownUserCannotUseTheOperatorsApi() {
        assertThat(http.get("/api/v1/operator/tenants", shibetsuAdmin, PASSWORD).statusCode()).isEqualTo(403);
    }
}
