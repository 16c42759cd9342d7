package jp.jichitai.cloud.disaster.internal;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Browser;
import jp.jichitai.cloud.support.Http;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/**
 * A clerk opens a shelter and records an entry with the keyboard alone, resolves a flagged roster line on the
 * review screen, and finds the payment, donation and statistics screens, each with its one-sentence explanation;
 * takes a support payment from application to decision to payment and pays a household of a 義援金 round.
 */
class ReliefScreensBrowserTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcResidentDirectory directory;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClerkWorksAShelterAndTheScreensAfterTheCounter() {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        DisasterFixture.seed(directory, NAYORO);
        Http http = new Http(baseUrl());
        String api = "/api/v1/t/" + NAYORO.value() + "/disasters";
        long disaster = DisasterApiIntegrationTests.id(http.post(api, admin, PASSWORD,
                "{\"name\":\"名寄市大雨\",\"kind\":\"風水害\",\"occurredOn\":\"" + LocalDate.now().minusDays(1) + "\"}").body());

        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(baseUrl() + "/disasters/" + disaster + "/shelters");
        browser.switchTo().activeElement().sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);

        assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "避難所"))).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("入所と退所を記録します");
        browser.switchTo().activeElement().sendKeys("名寄小学校体育館", Keys.TAB, "2", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "避難所を開設しました。"));
        browser.findElement(By.linkText("名寄小学校体育館")).sendKeys(Keys.ENTER);

        assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "名寄小学校体育館"))).isTrue();
        browser.findElement(By.id("atenaNumber")).sendKeys(DisasterFixture.SATO_ICHIRO, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "入所を記録しました。"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("佐藤　一郎 さんの入所を記録しました。");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("現在 1人 / 収容 2人");
        browser.findElement(By.id("atenaNumber")).sendKeys(DisasterFixture.SATO_ICHIRO, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("既に避難所 名寄小学校体育館 に入所中です");

        // a roster line from the offline PC that looks like 佐藤 一郎 waits for review
        long shelter = DisasterApiIntegrationTests.id(http.get(api + "/" + disaster + "/shelters", clerk, PASSWORD).body());
        String line = ",,佐藤一郎,サトウイチロウ,," + ShelterRosterFile.time(java.time.OffsetDateTime.now().minusHours(1)) + ",";
        String file = String.join(",", ShelterRosterFile.HEADER) + "\r\n" + ",100000011" + line.substring(1) + "\r\n";
        new ShelterApiIntegrationTestsSupport(baseUrl(), clerk).postCsv(api + "/" + disaster + "/shelters/" + shelter
                + "/roster?encoding=UTF-8", file);
        browser.get(baseUrl() + "/disasters/" + disaster + "/shelters/reviews");
        assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "重複の疑いの確認"))).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("同じ宛名番号の方が既に記録されています")
                .contains("記録済み").contains("取り込んだ行");
        browser.findElement(By.cssSelector("button[value=same]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "同じ人として1件にまとめました。"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("確認待ちはありません。");

        for (String[] screen : new String[][] {{"payments", "被災者生活再建支援金"}, {"donations", "義援金の配分"},
                {"statistics", "集計"}}) {
            browser.get(baseUrl() + "/disasters/" + disaster + "/" + screen[0]);
            assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), screen[1]))).as(screen[0]).isTrue();
        }
        browser.get(baseUrl() + "/disasters/" + disaster + "/payments");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "被災者生活再建支援金"));
        browser.findElement(By.id("atenaNumber")).sendKeys(DisasterFixture.SATO_ICHIRO, Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.findElement(By.id("appliedOn")).submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).as("no survey yet: nothing to pay")
                .contains("支給対象外");
    }

    @Test
    void aClerkTakesASupportPaymentFromApplicationToPaymentAndPaysADonation() {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        DisasterFixture.seed(directory, NAYORO);
        Http http = new Http(baseUrl());
        String api = "/api/v1/t/" + NAYORO.value() + "/disasters";
        long disaster = DisasterApiIntegrationTests.id(http.post(api, admin, PASSWORD,
                "{\"name\":\"名寄市地震（支給）\",\"kind\":\"地震\",\"occurredOn\":\"" + LocalDate.now().minusDays(2) + "\"}").body());
        // 佐藤 一郎's house was surveyed at 55 % (全壊) at the counter; the administrator set up a donation round.
        long report = DisasterApiIntegrationTests.id(http.post(api + "/" + disaster + "/damage-reports", clerk, PASSWORD,
                "{\"atenaNumber\":\"" + DisasterFixture.SATO_ICHIRO + "\",\"reportedOn\":\"" + LocalDate.now()
                        + "\",\"description\":\"倒壊\"}").body());
        assertThat(http.post(api + "/" + disaster + "/surveys", clerk, PASSWORD,
                "{\"reportId\":" + report + ",\"damageRatio\":55}").body()).contains("全壊");
        long round = DisasterApiIntegrationTests.id(http.post(api + "/" + disaster + "/donation-rounds", admin, PASSWORD,
                "{\"name\":\"第1次配分\",\"amounts\":{\"全壊\":300000}}").body());

        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(baseUrl() + "/disasters/" + disaster + "/payments");
        browser.switchTo().activeElement().sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "被災者生活再建支援金"))).isTrue();

        // apply: the 宛名番号, the first item (基礎支援金), today's date as offered
        browser.switchTo().activeElement().sendKeys(DisasterFixture.SATO_ICHIRO, Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.findElement(By.id("appliedOn")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "申請を記録しました"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("1,000,000円");
        WebElement row = browser.findElement(By.cssSelector("table tbody tr"));
        assertThat(row.getText()).contains("基礎支援金").contains("3人").contains("1,000,000円").contains("申請中");
        String application = row.findElement(By.cssSelector("td")).getText();

        // decide
        browser.findElement(By.xpath("//button[text()='申請番号" + application + "を支給決定']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "申請番号 " + application + " を支給決定にしました。"));
        assertThat(browser.findElement(By.cssSelector("table tbody tr")).getText()).contains("支給決定");

        // pay, once
        browser.findElement(By.xpath("//button[text()='申請番号" + application + "の支給を記録']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "申請番号 " + application + " の支給を記録しました。"));
        assertThat(browser.findElement(By.cssSelector("table tbody tr")).getText()).contains("支給済み");
        assertThat(browser.findElements(By.cssSelector("table tbody button"))).as("nothing left to do for it").isEmpty();

        // the donation round: the household at 全壊 gets the round's amount, once
        browser.get(baseUrl() + "/disasters/" + disaster + "/donations?round=" + round);
        assertThat(wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "義援金の配分"))).isTrue();
        WebElement household = browser.findElement(By.cssSelector("table tbody tr"));
        assertThat(household.getText()).contains("全壊").contains("300,000円");
        household.findElement(By.cssSelector("button")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "（300,000円）を記録しました。"));
        assertThat(browser.findElements(By.cssSelector("table tbody tr button"))).as("paid once: no button left").isEmpty();
    }

    /** Posts a CSV body as the API's clients do. */
    record ShelterApiIntegrationTestsSupport(String baseUrl, String user) {
        void postCsv(String path, String csv) {
            try {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/csv")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv, java.nio.charset.StandardCharsets.UTF_8))
                        .build();
                var response = java.net.http.HttpClient.newHttpClient().send(request,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).contains("\"flagged\":1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
