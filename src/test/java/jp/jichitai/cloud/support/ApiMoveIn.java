package jp.jichitai.cloud.support;

import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jichitai.cloud.shared.TenantCode;

/** A 転入 through the API, as a test's own resident, with one of the town's 行政区 (the export requires one). */
public final class ApiMoveIn {

    private static final Pattern RESIDENT = Pattern.compile("\"residents\":\\[\"([0-9]+)\"");

    private ApiMoveIn() {
    }

    /** Moves a person in as {@code user}; answers the new resident's 宛名番号. */
    public static String moveIn(String baseUrl, TenantCode tenant, String user, String name, String kana) throws Exception {
        String district;
        try (Connection owner = TestDatabase.get().ownerConnection();
                PreparedStatement select = owner.prepareStatement(
                        "SELECT MIN(district_code) FROM district WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                district = result.getString(1);
            }
        }
        HttpResponse<String> created = new Http(baseUrl).post("/api/v1/t/" + tenant.value() + "/residents", user,
                PASSWORD, """
                {"kind":"move-in","changedOn":"R7.4.1","notifiedOn":"2025-04-02","name":"%s","kana":"%s",
                 "birthDate":"昭和45年3月1日","sex":"FEMALE","postalCode":"096-0011","address":"北海道名寄市西1条南7丁目",
                 "district":"%s"}"""
                .formatted(name, kana, district));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher matcher = RESIDENT.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(1);
    }
}
