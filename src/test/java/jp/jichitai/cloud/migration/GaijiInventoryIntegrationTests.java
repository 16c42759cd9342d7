package jp.jichitai.cloud.migration;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;
import picocli.CommandLine;

/**
 * 外字実態調査: the command line and the administrator's screen list the town's own 外字 with their places, the
 * mapping set on the screen is the one certificates read, and no town sees or sets another's.
 */
class GaijiInventoryIntegrationTests extends IntegrationTest {

    /** Code points no demo data uses: each test town gets its own. */
    private static final String NAYORO_NAME = "山\uE0F1　太郎";
    private static final String NAYORO_ADDRESS = "北海道名寄市\uE0F3町1番地";
    private static final String SHIBETSU_NAME = "川\uE0F2　花子";

    @Autowired
    UserAccounts accounts;

    @Autowired
    Residents residents;

    @Autowired
    Tenants tenants;

    @Test
    void theCommandLineListsEveryPlaceOfTheTownsOwnGaijiAndNothingOfAnotherTown() throws Exception {
        AtenaNumber nayoroPerson = moveIn(NAYORO, NAYORO_NAME, NAYORO_ADDRESS);
        moveIn(SHIBETSU, SHIBETSU_NAME, "北海道士別市東1条1丁目");

        Run nayoro = run("gaiji", "inventory", "--tenant", NAYORO.value());

        assertThat(nayoro.status()).isZero();
        assertThat(nayoro.out()).contains("U+E0F1\tCP932 F175\t")
                .contains("住民基本台帳\t" + nayoroPerson.value() + "\t氏名")
                .contains("住民基本台帳\t" + nayoroPerson.value() + "\t筆頭者")
                .contains("U+E0F3\tCP932 F177\t")
                .contains("住民基本台帳\t" + nayoroPerson.value() + "\t住所")
                .doesNotContain("U+E0F2");
        Run shibetsu = run("gaiji", "inventory", "--tenant", SHIBETSU.value());
        assertThat(shibetsu.out()).contains("U+E0F2").doesNotContain("U+E0F1").doesNotContain("U+E0F3");
    }

    @Test
    void theCommandLineListingIsAuditedInTheTownsOwnChain() throws Exception {
        moveIn(NAYORO, "林\uE0F6　三郎", "北海道名寄市北1条1丁目");
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        long nayoroBefore = commandLineViews(NAYORO, actor);
        long shibetsuBefore = commandLineViews(SHIBETSU, actor);

        Run nayoro = run("gaiji", "inventory", "--tenant", NAYORO.value());

        assertThat(nayoro.status()).isZero();
        assertThat(commandLineViews(NAYORO, actor)).isEqualTo(nayoroBefore + 1);
        assertThat(commandLineViews(SHIBETSU, actor)).isEqualTo(shibetsuBefore);
        try (Connection owner = TestDatabase.get().ownerConnection();
                var last = owner.prepareStatement("SELECT actor_role, target, query_text, outcome FROM audit_log"
                        + " WHERE tenant_id = ? AND action = 'gaiji.inventory.view' ORDER BY seq DESC LIMIT 1")) {
            last.setString(1, NAYORO.value());
            var entry = last.executeQuery();
            assertThat(entry.next()).isTrue();
            assertThat(entry.getString(1)).isEqualTo("cli");
            assertThat(entry.getString(2)).isEqualTo("gaiji-inventory");
            assertThat(entry.getString(3)).matches("\\d+ characters, [1-9]\\d* places");
            assertThat(entry.getString(4)).isEqualTo("SUCCESS");
            assertThat(jp.jichitai.cloud.audit.AuditChains.verify(owner, NAYORO.value()))
                    .allSatisfy(chain -> assertThat(chain.intact()).isTrue());
        }

        Run unknown = run("gaiji", "inventory", "--tenant", "011002");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(commandLineViews(jp.jichitai.cloud.shared.TenantCode.of("011002"), actor)).isZero();
    }

    private static long commandLineViews(jp.jichitai.cloud.shared.TenantCode tenant, String actor) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection();
                var count = owner.prepareStatement(
                        "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'gaiji.inventory.view' AND actor = ?")) {
            count.setString(1, tenant.value());
            count.setString(2, actor);
            var result = count.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void theCommandLineRefusesATownThatIsNotRegistered() {
        Run unknown = run("gaiji", "inventory", "--tenant", "011002");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("E-MIG-0502").contains("011002");
    }

    @Test
    void theSurveyCountsAPlaceOnceHoweverManyHistoryRowsRepeatIt() throws Exception {
        AtenaNumber person = moveIn(NAYORO, "谷\uE0F4　一郎", "北海道名寄市西1条南1丁目");
        // A second snapshot of the same person (as a later change would append) repeats the name.
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            owner.createStatement().execute("""
                    INSERT INTO resident_snapshot SELECT tenant_id, atena_number, history_number + 1, change_id, change_kind,
                      changed_on, notified_on, household_number, resident_kind, status, name, kana, former_surname,
                      former_surname_kana, common_name, common_name_kana, birth_date, sex, relationship,
                      relationship_folded_from, registered_domicile, family_register_head, postal_code, address,
                      district_code, building_line, previous_address, became_resident_on, address_settled_on,
                      individual_number_cipher, resident_record_code, on_electoral_roll, national_health_insurance,
                      late_stage_elderly_care, long_term_care_insurance, national_pension, child_allowance, nationality,
                      alphabet_name, foreign_category, status_of_residence, period_of_stay, period_expires_on, card_number,
                      became_foreign_resident_on
                      FROM resident_snapshot WHERE tenant_id = '012211' AND atena_number = '%s'""".formatted(person.value()));
            GaijiInventory inventory = GaijiInventory.survey(owner, NAYORO);
            GaijiInventory.Entry entry = inventory.entry(0xE0F4).orElseThrow();
            assertThat(entry.places()).containsExactly(
                    new GaijiInventory.Place("住民基本台帳", person.value(), "氏名"),
                    new GaijiInventory.Place("住民基本台帳", person.value(), "筆頭者"));
            assertThat(entry.count()).isEqualTo(2);
            assertThat(entry.mapping()).isEmpty();
        }
    }

    @Test
    void theAdministratorSetsAMappingOnTheScreenAndCertificatesReadIt() throws Exception {
        AtenaNumber person = moveIn(NAYORO, "森\uE0F5　次郎", "北海道名寄市東1条南1丁目");
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        Screen screen = new Screen(baseUrl(), admin);

        HttpResponse<String> page = screen.get("/admin/gaiji/inventory");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>外字実態調査</h1>").contains("U+E0F5").contains(person.value())
                .contains("substitute-E0F5");

        HttpResponse<String> saved = screen.post("/admin/gaiji/inventory", page.body(),
                Map.of("codePoint", "U+E0F5", "substitute", "\u9AD9", "description", "はしごだか"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(TenantContext.callAs(NAYORO, () -> tenants.currentGaijiSubstitutes())).containsEntry(0xE0F5, "\u9AD9");
        assertThat(screen.get("/admin/gaiji/inventory").body()).contains("U+E0F5 の対応を保存しました。")
                .contains("value=\"はしごだか\"");

        HttpResponse<String> refused = screen.post("/admin/gaiji/inventory", screen.get("/admin/gaiji/inventory").body(),
                Map.of("codePoint", "U+E0F5", "substitute", "高橋", "description", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("入力内容に誤りがあります").contains("href=\"#substitute-E0F5\"");
        assertThat(TenantContext.callAs(NAYORO, () -> tenants.currentGaijiSubstitutes())).containsEntry(0xE0F5, "\u9AD9");

        long views;
        try (Connection owner = TestDatabase.get().ownerConnection();
                var count = owner.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ? AND actor = ?")) {
            count.setString(1, NAYORO.value());
            count.setString(2, "gaiji.inventory.view");
            count.setString(3, admin);
            var result = count.executeQuery();
            result.next();
            views = result.getLong(1);
        }
        assertThat(views).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTownsAdministratorCanNeitherSeeNorSetAnotherTownsInventory() {
        moveIn(NAYORO, "林\uE0F6　三郎", "北海道名寄市南1条1丁目");
        moveIn(SHIBETSU, "岡\uE0F7　四郎", "北海道士別市南1条1丁目");
        Http http = new Http(baseUrl());
        String nayoroAdmin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);

        var own = http.get("/api/v1/t/012211/gaiji/inventory", nayoroAdmin, PASSWORD);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("U+E0F6").doesNotContain("U+E0F7");
        var other = http.get("/api/v1/t/012203/gaiji/inventory", nayoroAdmin, PASSWORD);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("U+E0F7");
        var set = http.put("/api/v1/t/012203/gaiji/U+E0F7", nayoroAdmin, PASSWORD, "{\"substitute\":\"高\"}");
        assertThat(set.statusCode()).isEqualTo(404);
        assertThat(TenantContext.callAs(SHIBETSU, () -> tenants.currentGaijiSubstitutes())).doesNotContainKey(0xE0F7);

        Screen screen = new Screen(baseUrl(), nayoroAdmin);
        assertThat(screen.get("/admin/gaiji/inventory").body()).contains("U+E0F6").doesNotContain("U+E0F7");
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        assertThat(http.get("/api/v1/t/012211/gaiji/inventory", clerk, PASSWORD).statusCode()).isEqualTo(403);
    }

    private AtenaNumber moveIn(jp.jichitai.cloud.shared.TenantCode tenant, String name, String address) {
        return RegistryFixture.asClerk(tenant,
                () -> RegistryFixture.moveInHead(residents, name, "テスト", "19700101", address)).residents().get(0);
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... arguments) {
        TestDatabase database = TestDatabase.get();
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(database.isPostgres() ? List.of("--db", database.url())
                : List.of("--data", database.dataDirectory().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = jp.jichitai.cloud.cli.JichitaiCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    /** A browser-like client for the screens: Basic sign-in, the session cookie, and each form's CSRF token. */
    static final class Screen {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String baseUrl;
        private final String authorization;

        Screen(String baseUrl, String username) {
            this.baseUrl = baseUrl;
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                    .header("Accept", "text/html").GET().build());
        }

        /** Posts a form of the given page with its CSRF token. */
        HttpResponse<String> post(String path, String page, Map<String, String> fields) {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("the page carries a CSRF token").isTrue();
            String body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&")) + "&_csrf=" + encode(token.group(1));
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
