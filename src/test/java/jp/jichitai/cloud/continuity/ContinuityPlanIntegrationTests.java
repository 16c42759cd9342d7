package jp.jichitai.cloud.continuity;

import static jp.jichitai.cloud.support.TestUsers.IMAKANE;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.SignedInBrowser;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.support.TestUsers;

/** 利用継続計画: the seed template, versioned saves, validation, PDF, and targets against the measured drills. */
class ContinuityPlanIntegrationTests extends IntegrationTest {

    private static final Pattern RESIDENT_REGISTRY_ROW = Pattern.compile(
            "住民基本台帳システム</td>\\s*<td>\\d+時間</td>\\s*<td>([^<]*)</td>\\s*<td><strong>([^<]*)</strong>");

    @Autowired
    UserAccounts accounts;

    @Test
    void theTemplateFollowsTheSourceDocumentAndEachSaveAppendsAVersion() {
        SignedInBrowser admin = SignedInBrowser.signIn(baseUrl(), TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN));
        HttpResponse<String> first = admin.get("/admin/continuity");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("本計画の趣旨", "緊急時における行動計画（業務時間外）", "対策が未決定の問題点一覧",
                "住民基本台帳システム", "来訪者・職員等への負傷者対応・誘導");

        assertThat(admin.submit("/admin/continuity", "/admin/continuity", form("士別市の初版の趣旨", "24", "初版")).statusCode())
                .isEqualTo(302);
        assertThat(admin.submit("/admin/continuity", "/admin/continuity", form("士別市の第2版の趣旨", "12", "目標を短縮")).statusCode())
                .isEqualTo(302);

        String current = admin.get("/admin/continuity").body();
        assertThat(current).contains("第2版", "士別市の第2版の趣旨").doesNotContain("士別市の初版の趣旨");
        String history = admin.get("/admin/continuity/history").body();
        assertThat(history).contains("第1版", "第2版", "初版", "目標を短縮");
        assertThat(history.indexOf("第2版")).as("newest first").isLessThan(history.indexOf("第1版"));
        assertThat(admin.get("/admin/continuity/versions/1").body()).contains("士別市の初版の趣旨");

        SignedInBrowser otherTown = SignedInBrowser.signIn(baseUrl(), TestUsers.ensure(accounts, IMAKANE, Role.TENANT_ADMIN));
        assertThat(otherTown.get("/admin/continuity").body()).doesNotContain("士別市の第2版の趣旨");
        assertThat(otherTown.get("/admin/continuity/versions/2").statusCode()).isEqualTo(404);
    }

    @Test
    void anImpossibleTargetIsRefusedWithAJapaneseMessageAndNothingIsSaved() {
        SignedInBrowser admin = SignedInBrowser.signIn(baseUrl(), TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN));
        long versionsBefore = versions(admin.get("/admin/continuity/history").body());

        HttpResponse<String> refused = admin.submit("/admin/continuity", "/admin/continuity", form("趣旨", "0", "誤り"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("E-CON-0016", "目標復旧時間は1時間から720時間");
        assertThat(versions(admin.get("/admin/continuity/history").body())).isEqualTo(versionsBefore);
    }

    @Test
    void targetsAreShownAgainstTheLatestDrillsOfTheClusterAndOfTheTownAndPrinted() throws Exception {
        Instant later = Instant.now().plus(3650, ChronoUnit.DAYS);
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            DrillResults.record(connection, drill("failover-plan-test", DrillKind.FAILOVER, null, later, "9.70", true));
            DrillResults.record(connection, drill("restore-plan-test-1", DrillKind.RESTORE, SHIBETSU.value(),
                    later.plusSeconds(1), "12.30", true));
            DrillResults.record(connection, drill("restore-plan-test-nayoro", DrillKind.RESTORE, NAYORO.value(),
                    later.plusSeconds(5), "99.00", false));
        }
        SignedInBrowser admin = SignedInBrowser.signIn(baseUrl(), TestUsers.ensure(accounts, SHIBETSU, Role.TENANT_ADMIN));
        Matcher achieved = RESIDENT_REGISTRY_ROW.matcher(admin.get("/admin/continuity").body());
        assertThat(achieved.find()).isTrue();
        assertThat(achieved.group(1)).isEqualTo("12.30秒");
        assertThat(achieved.group(2)).as("another town's failed drill does not count").isEqualTo("達成");

        HttpResponse<byte[]> pdf = admin.getBytes("/admin/continuity/plan.pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("自治体クラウド利用継続計画", "士別市", "重要システム", "【達成】各業務システム（自治体クラウドサービス提供）／住民基本台帳システム");
        }

        try (Connection connection = TestDatabase.get().ownerConnection()) {
            DrillResults.record(connection, drill("restore-plan-test-2", DrillKind.RESTORE, SHIBETSU.value(),
                    later.plusSeconds(2), "15.00", false));
        }
        Matcher failed = RESIDENT_REGISTRY_ROW.matcher(admin.get("/admin/continuity").body());
        assertThat(failed.find()).isTrue();
        assertThat(failed.group(2)).as("the latest restore drill failed").isEqualTo("未達");

        SignedInBrowser operator = SignedInBrowser.signIn(baseUrl(), TestUsers.ensureOperator(accounts));
        assertThat(operator.get("/operator/drills").body()).contains("restore-plan-test-1", "012203", "（全体）");
        assertThat(admin.get("/operator/drills").statusCode()).isEqualTo(403);
    }

    private static long versions(String historyPage) {
        return Pattern.compile("/admin/continuity/versions/\\d+").matcher(historyPage).results().count();
    }

    private static DrillResult drill(String id, DrillKind kind, String tenant, Instant at, String seconds, boolean passed) {
        return new DrillResult(id, kind, Optional.ofNullable(tenant).map(jp.jichitai.cloud.shared.TenantCode::of),
                "test", at, new BigDecimal(seconds), 100, passed ? 0 : 1, null, passed, id);
    }

    /** The whole form: every section's text, and the resident registry as the only important system. */
    private static List<Map.Entry<String, String>> form(String purpose, String hours, String note) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (PlanSection section : PlanSection.values()) {
            fields.add(Map.entry("sections[" + section.name() + "]",
                    section == PlanSection.PURPOSE ? purpose : section.title() + "の本文"));
        }
        fields.add(Map.entry("systems[0].category", "各業務システム（自治体クラウドサービス提供）"));
        fields.add(Map.entry("systems[0].name", "住民基本台帳システム"));
        fields.add(Map.entry("systems[0].hours", hours));
        fields.add(Map.entry("systems[0].cloudProvided", "true"));
        fields.add(Map.entry("systems[1].name", ""));
        fields.add(Map.entry("changeNote", note));
        return fields;
    }
}
