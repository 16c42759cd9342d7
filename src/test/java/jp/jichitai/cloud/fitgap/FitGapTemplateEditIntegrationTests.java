package jp.jichitai.cloud.fitgap;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** The provider edits a template: new analyses use the new version, a running analysis keeps its own. */
class FitGapTemplateEditIntegrationTests extends IntegrationTest {

    private static final String TEMPLATE = "/api/v1/operator/fit-gap/templates/victim-support";

    @Autowired
    UserAccounts accounts;
    @Autowired
    ObjectMapper json;

    Http http;
    String operator;
    String nayoroAdmin;

    @BeforeEach
    void users() {
        http = new Http(baseUrl());
        operator = TestUsers.ensureOperator(accounts);
        nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
    }

    @Test
    void anEditedTemplateReachesNewAnalysesOnly() throws Exception {
        long before = start();
        JsonNode current = json.readTree(http.get(TEMPLATE, operator, PASSWORD).body());
        String source = current.get("source").asString();
        int steps = current.get("steps").asInt();
        String edited = source.replaceFirst("(?m)^(step\t001\t)[^\t]+", "$1臨時窓口の開設（改訂）")
                + "\nstep\t901\t改訂で加えた手順\t提供者が追加した確認手順\tproject\n";

        HttpResponse<String> saved = http.put(TEMPLATE, operator, PASSWORD, body(edited));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode version = json.readTree(saved.body());
        assertThat(version.get("steps").asInt()).isEqualTo(steps + 1);
        int versionNo = version.get("versionNo").asInt();
        assertThat(versionNo).isPositive();

        long after = start();
        JsonNode oldAnalysis = analysis(before);
        JsonNode newAnalysis = analysis(after);
        assertThat(oldAnalysis.get("steps")).hasSize(steps);
        assertThat(oldAnalysis.get("steps").get(0).get("name").asString()).isNotEqualTo("臨時窓口の開設（改訂）");
        assertThat(newAnalysis.get("steps")).hasSize(steps + 1);
        assertThat(newAnalysis.get("steps").get(0).get("name").asString()).isEqualTo("臨時窓口の開設（改訂）");
        // the running analysis can still be assessed against its own version
        assertThat(http.put("/api/v1/t/012211/fit-gap/analyses/" + before + "/steps/901", nayoroAdmin, PASSWORD,
                "{\"fitGapClass\":\"導入可\"}").statusCode()).isEqualTo(422);

        assertThat(http.getAccepting("/operator/fit-gap/templates", operator, PASSWORD, "text/html").body())
                .contains("臨時窓口の開設（改訂）").contains("第" + versionNo + "版");
    }

    @Test
    void aBrokenTemplateIsRefusedWithItsLineAndNothingIsSaved() throws Exception {
        JsonNode current = json.readTree(http.get(TEMPLATE, operator, PASSWORD).body());
        String broken = current.get("source").asString() + "\nstep\t902\t列が足りない手順\n";

        HttpResponse<String> refused = http.put(TEMPLATE, operator, PASSWORD, body(broken));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("E-FIT-0004").contains("行目");
        assertThat(json.readTree(http.get(TEMPLATE, operator, PASSWORD).body()).get("versionNo"))
                .isEqualTo(current.get("versionNo"));
        HttpResponse<String> renamed = http.put(TEMPLATE, operator, PASSWORD,
                body(current.get("source").asString().replaceFirst("(?m)^template\tvictim-support", "template\tother")));
        assertThat(renamed.body()).contains("E-FIT-0014");
        assertThat(http.put(TEMPLATE, nayoroAdmin, PASSWORD, body(current.get("source").asString())).statusCode())
                .isEqualTo(403);
    }

    private String body(String source) {
        ObjectNode body = json.createObjectNode();
        body.put("source", source);
        return body.toString();
    }

    private long start() {
        HttpResponse<String> created = http.post("/api/v1/t/012211/fit-gap/analyses", nayoroAdmin, PASSWORD, "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private JsonNode analysis(long id) {
        return json.readTree(http.get("/api/v1/t/012211/fit-gap/analyses/" + id, nayoroAdmin, PASSWORD).body());
    }
}
