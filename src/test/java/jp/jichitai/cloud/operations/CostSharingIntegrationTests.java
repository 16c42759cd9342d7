package jp.jichitai.cloud.operations;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** The operator enters each year's cost and key; each town sees its share and the change from last year. */
class CostSharingIntegrationTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    Http http;
    String operator;
    String nayoroAdmin;
    String shibetsuAdmin;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        operator = TestUsers.ensureOperator(accounts);
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        shibetsuAdmin = TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN);
    }

    @Test
    void theDocumentsYearOnYearExampleForNayoro() {
        // Nayoro alone carrying the whole cost reproduces the source document's 9,098 → 7,863 千円.
        assertThat(http.put("/api/v1/operator/costs/2012", operator, PASSWORD,
                "{\"totalThousandYen\":9098,\"sharingKey\":\"住民数\",\"weights\":{\"012211\":29869}}").statusCode())
                .isEqualTo(200);
        assertThat(http.put("/api/v1/operator/costs/2013", operator, PASSWORD,
                "{\"totalThousandYen\":7863,\"sharingKey\":\"住民数\",\"weights\":{\"012211\":29869}}").statusCode())
                .isEqualTo(200);

        JsonNode share = json.readTree(http.get("/api/v1/t/012211/costs/2013", nayoroAdmin, PASSWORD).body());

        assertThat(share.get("shareThousandYen").asLong()).isEqualTo(7863);
        assertThat(share.get("previousShareThousandYen").asLong()).isEqualTo(9098);
        assertThat(share.get("reductionThousandYen").asLong()).isEqualTo(1235);
        assertThat(share.get("reductionPercent").asInt()).isEqualTo(13);
    }

    @Test
    void threeTownsShareByResidentsAndSeeOnlyTheirOwnShare() {
        HttpResponse<String> saved = http.put("/api/v1/operator/costs/2026", operator, PASSWORD, """
                {"totalThousandYen":20000,"sharingKey":"住民数",
                 "weights":{"012211":29869,"012203":21640,"013706":5968}}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode shares = json.readTree(saved.body()).get("shares");
        long sum = 0;
        for (JsonNode share : shares) {
            sum += share.get("shareThousandYen").asLong();
        }
        assertThat(sum).isEqualTo(20000);

        String shibetsu = http.get("/api/v1/t/012203/costs/2026", shibetsuAdmin, PASSWORD).body();
        assertThat(shibetsu).contains("\"tenant\":\"012203\"").doesNotContain("012211");
        assertThat(http.get("/api/v1/t/012211/costs/2026", shibetsuAdmin, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.put("/api/v1/operator/costs/2026", nayoroAdmin, PASSWORD, "{}").statusCode()).isEqualTo(403);
    }
}
