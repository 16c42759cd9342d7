package jp.jichitai.cloud.migration;

import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;
import jp.jichitai.cloud.synthetic.SyntheticDataset;
import jp.jichitai.cloud.synthetic.SyntheticPerson;
import jp.jichitai.cloud.synthetic.SyntheticRegistry;
import jp.jichitai.cloud.tenancy.District;
import jp.jichitai.cloud.tenancy.Tenant;
import jp.jichitai.cloud.tenancy.Tenants;

/**
 * 移行データ取込 on the screen: upload the four files, see the validation (counts, errors by file, line and column,
 * also as CSV) with nothing written, confirm, and the residents are in the registry; another town's administrator
 * finds nothing there and a clerk is refused.
 */
class ImportUploadIntegrationTests extends IntegrationTest {

    /** Towns of their own, so that the demo towns and the other migration tests are untouched. */
    static final TenantCode VALID_TOWN = TenantCode.of("016985");
    static final TenantCode INVALID_TOWN = TenantCode.of("016977");
    /** The limit test needs only an administrator: a demo town's. */
    static final TenantCode LIMIT_TOWN = TestUsers.SHIBETSU;
    static final int RESIDENTS = 20;
    static final long SEED = 20261127L;

    private static final List<String> FILES = List.of("data_cyonei.csv", "data_d0101.csv", "data_d0301.csv",
            "data_d0603.csv");

    @Autowired
    UserAccounts accounts;

    @Autowired
    Residents residents;

    @Autowired
    Tenants tenants;

    @Test
    void anAdministratorUploadsValidatesAndImportsAndTheResidentsAreSearchable() throws Exception {
        Path files = generate(VALID_TOWN);
        Screen admin = new Screen(baseUrl(), TestUsers.ensure(accounts, VALID_TOWN, Role.TENANT_ADMIN));
        HttpResponse<String> form = admin.get("/admin/migration/import");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>移行データ取込</h1>");

        HttpResponse<String> uploaded = admin.upload("/admin/migration/import", form.body(), read(files));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String checkPath = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> check = admin.get(checkPath);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("<h1>移行データの検査結果</h1>").contains("誤りはありません。")
                .doesNotContain("id=\"errors\"");
        long residentRows = Files.readAllLines(files.resolve("data_d0101.csv"), java.nio.charset.Charset.forName("windows-31j"))
                .size();
        assertThat(check.body()).containsPattern("id=\"count-data_d0101.csv\">\\s*<td>data_d0101.csv</td>\\s*<td>"
                + residentRows + "</td>\\s*<td>" + residentRows + "</td>\\s*<td>0</td>");
        SyntheticPerson person = SyntheticRegistry.of(VALID_TOWN, SEED).persons(RESIDENTS).findFirst().orElseThrow();
        assertThat(search(VALID_TOWN, person.addressNumber())).as("validation writes nothing").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'migration.import.validate'",
                VALID_TOWN)).isEqualTo(1);

        // Another town's administrator: the upload does not exist for them, not even to confirm it.
        Screen other = new Screen(baseUrl(), TestUsers.ensure(accounts, TestUsers.NAYORO, Role.TENANT_ADMIN));
        String otherPage = other.get("/admin/migration/import").body();
        assertThat(other.get(checkPath).statusCode()).isEqualTo(404);
        assertThat(other.get(checkPath + "/errors.csv").statusCode()).isEqualTo(404);
        assertThat(other.post(checkPath + "/confirm", otherPage, Map.of()).statusCode()).isEqualTo(404);
        assertThat(search(VALID_TOWN, person.addressNumber())).isEmpty();
        // A clerk of the town is refused the screen.
        Screen clerk = new Screen(baseUrl(), TestUsers.ensure(accounts, VALID_TOWN, Role.CLERK));
        assertThat(clerk.get("/admin/migration/import").statusCode()).isEqualTo(403);

        HttpResponse<String> done = admin.post(checkPath + "/confirm", check.body(), Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("<h1>移行データを取り込みました</h1>").contains("突合結果");
        List<ResidentSummary> found = search(VALID_TOWN, person.addressNumber());
        assertThat(found).extracting(summary -> summary.atenaNumber().value()).containsExactly(person.addressNumber());
        assertThat(count("SELECT COUNT(*) FROM migration_import WHERE tenant_id = ?", VALID_TOWN)).isEqualTo(1);
        assertThat(admin.get(checkPath).statusCode()).as("an imported upload is gone").isEqualTo(404);

        // Again, now that the town has residents: only with 置き換える.
        HttpResponse<String> again = admin.upload("/admin/migration/import", admin.get("/admin/migration/import").body(),
                read(files));
        String againPath = URI.create(again.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> recheck = admin.get(againPath);
        assertThat(recheck.body()).contains("この団体には住民データ").contains("name=\"replace\"");
        assertThat(admin.post(againPath + "/confirm", recheck.body(), Map.of()).body())
                .contains("置き換える場合は「置き換える」を選んでください。");
        HttpResponse<String> replaced = admin.post(againPath + "/confirm", recheck.body(), Map.of("replace", "true"));
        assertThat(replaced.body()).contains("<h1>移行データを取り込みました</h1>");
        assertThat(search(VALID_TOWN, person.addressNumber())).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM migration_import WHERE tenant_id = ?", VALID_TOWN)).isEqualTo(2);
    }

    @Test
    void anInvalidFileShowsItsErrorsByFileLineAndColumnAndNothingIsWritten() throws Exception {
        Path files = generate(INVALID_TOWN);
        Map<String, byte[]> contents = read(files);
        byte[] residentsFile = contents.get("data_d0101.csv");
        long lines = new String(residentsFile, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.write(residentsFile);
        broken.write("X,Y\r\n".getBytes(StandardCharsets.US_ASCII));
        contents.put("data_d0101.csv", broken.toByteArray());
        Screen admin = new Screen(baseUrl(), TestUsers.ensure(accounts, INVALID_TOWN, Role.TENANT_ADMIN));

        HttpResponse<String> uploaded = admin.upload("/admin/migration/import", admin.get("/admin/migration/import").body(),
                contents);
        String checkPath = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
        HttpResponse<String> check = admin.get(checkPath);

        assertThat(check.body()).contains("何も取り込んでいません").contains("id=\"errors\"")
                .containsPattern("<td>data_d0101.csv</td>\\s*<td>" + (lines + 1) + "</td>\\s*<td>\\d+</td>\\s*<td><span>E-MIG-")
                .doesNotContain("action=\"/admin/migration/import/" + checkPath.substring(checkPath.lastIndexOf('/') + 1)
                        + "/confirm\"");
        HttpResponse<String> csv = admin.get(checkPath + "/errors.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFファイル,行,列,メッセージID,メッセージ\r\n")
                .containsPattern("\"data_d0101.csv\"," + (lines + 1) + ",\\d+,E-MIG-\\d{4},\"");
        HttpResponse<String> refused = admin.post(checkPath + "/confirm", check.body(), Map.of());
        assertThat(refused.body()).contains("誤りのあるデータは取り込めません。");
        assertThat(count("SELECT COUNT(*) FROM migrated_resident_row WHERE tenant_id = ?", INVALID_TOWN)).isZero();
        assertThat(count("SELECT COUNT(*) FROM resident_current WHERE tenant_id = ?", INVALID_TOWN)).isZero();
        assertThat(count("SELECT COUNT(*) FROM migration_import WHERE tenant_id = ?", INVALID_TOWN)).isZero();
    }

    @Test
    void anUploadOverTheMultipartLimitIsAnsweredWithTheLimitsInJapaneseAndNothingIsKept() throws Exception {
        Screen admin = new Screen(baseUrl(), TestUsers.ensure(accounts, LIMIT_TOWN, Role.TENANT_ADMIN));
        admin.get("/admin/migration/import");
        long declared = 2L << 30;
        String status;
        String location = null;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "----jcTooLarge";
            // Declared larger than max-request-size: the container refuses the body before reading it.
            out.write(("POST /admin/migration/import HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAuthorization: " + admin.authorization() + "\r\nCookie: " + admin.cookieHeader()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared
                    + "\r\nConnection: close\r\n\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"data_d0101.csv\"; filename=\"data_d0101.csv\""
                    + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[64 * 1024]);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            status = in.readLine();
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = header.substring(9).strip();
                }
            }
        }
        assertThat(status).startsWith("HTTP/1.1 302");
        assertThat(location).isNotNull();
        HttpResponse<String> refused = admin.get(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("入力内容に誤りがあります")
                .contains("アップロードが大きすぎるため受け付けませんでした（1ファイルの上限 512 MB、4ファイル合計の上限 1 GB）");
        Path uploads = TestDatabase.get().dataDirectory().resolve("migration-uploads").resolve(LIMIT_TOWN.value());
        assertThat(!Files.exists(uploads) || Files.list(uploads).findAny().isEmpty()).as("no upload kept").isTrue();
    }

    private Path generate(TenantCode town) throws Exception {
        synchronized (ImportUploadIntegrationTests.class) {
            if (tenants.find(town).isEmpty()) {
                tenants.register(new Tenant(town, "試験町", "北海道"), "町長", "試験　太郎", "本庁",
                        SyntheticRegistry.of(town, SEED).districts().stream()
                                .map(district -> new District(district.code(), district.name())).toList());
            }
        }
        Path directory = Files.createTempDirectory("jc-upload");
        SyntheticDataset.write(SyntheticRegistry.of(town, SEED), RESIDENTS, directory);
        return directory;
    }

    private static Map<String, byte[]> read(Path directory) throws Exception {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : FILES) {
            contents.put(name, Files.readAllBytes(directory.resolve(name)));
        }
        return contents;
    }

    private List<ResidentSummary> search(TenantCode town, String atenaNumber) {
        return RegistryFixture.asClerk(town, () -> residents.search(atenaNumber));
    }

    private static long count(String sql, TenantCode town) throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection(); PreparedStatement query = owner.prepareStatement(sql)) {
            query.setString(1, town.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A browser-like client: Basic sign-in, the session cookie, and each form's CSRF token. */
    static final class Screen {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String baseUrl;
        private final String authorization;

        Screen(String baseUrl, String username) {
            this.baseUrl = baseUrl;
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, String page, Map<String, String> fields) {
            StringBuilder body = new StringBuilder("_csrf=" + java.net.URLEncoder.encode(token(page), StandardCharsets.UTF_8));
            fields.forEach((name, value) -> body.append('&').append(name).append('=').append(value));
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** A multipart form with the files (field name = file name) and the page's CSRF token. */
        HttpResponse<String> upload(String path, String page, Map<String, byte[]> files) {
            String boundary = "----jc" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token(page)
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
            files.forEach((name, content) -> {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + name + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(content);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        String authorization() {
            return authorization;
        }

        /** The session's cookies, as a Cookie header. */
        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }

        private static String token(String page) {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("the page carries a CSRF token").isTrue();
            return token.group(1);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("Authorization", authorization).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
