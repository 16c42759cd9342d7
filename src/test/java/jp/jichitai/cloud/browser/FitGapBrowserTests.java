package jp.jichitai.cloud.browser;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.fitgap.FitGapWorkbook;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Browser;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/**
 * A tenant administrator analyses three steps of the victim support procedure, completes each with
 * the keyboard, sees the summary, and downloads the workbook, which holds the classifications.
 */
class FitGapBrowserTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdministratorCompletesAThreeStepAnalysisAndDownloadsTheWorkbook() throws Exception {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        Browser.awaitSignedIn(browser);
        browser.get(baseUrl() + "/admin/fit-gap");
        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "フィット&ギャップ分析"))).isTrue();

        browser.findElement(By.id("title")).sendKeys("ブラウザ試験の分析");
        // Only steps 001 to 003 are in scope: the space bar unticks 004 and 005.
        browser.findElement(By.id("step-004")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("step-005")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("step-005")).submit();

        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "ブラウザ試験の分析"))).isTrue();
        assertThat(browser.findElements(By.cssSelector("form fieldset"))).hasSize(3);

        assess("001", "導入可", "届出書で受け付けている", "", "", "");
        assess("002", "事務変更", "運転免許証のみで確認", "自署による本人確認を規程に追加", "市民課", "2026-09-30");
        assess("003", "仕様変更", "紙の台帳を検索", "被災者台帳の検索項目を追加", "情報政策課", "2026-12-25");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).sendKeys(Keys.ENTER);

        // Enter returns before the saved page arrives: wait for its notice rather than read the page at once.
        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")))
                .getText()).contains("3 件");
        assertThat(browser.findElement(By.id("completion")).getText()).isEqualTo("100.0%");
        assertThat(browser.findElement(By.id("unassessed")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("td[data-class=事務変更]")).getText()).isEqualTo("1");
        assertThat(new Select(browser.findElement(By.id("class-003"))).getFirstSelectedOption().getText())
                .isEqualTo("仕様変更");

        String href = browser.findElement(By.id("download-workbook")).getAttribute("href");
        HttpResponse<byte[]> download = downloadWithTheBrowsersSession(href);
        assertThat(download.statusCode()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheet(FitGapWorkbook.ANALYSIS_SHEET);
            List<String> rows = new ArrayList<>();
            for (Row row : sheet) {
                StringBuilder text = new StringBuilder();
                row.forEach(cell -> text.append(cell.toString()).append('|'));
                rows.add(text.toString());
            }
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("001").contains("導入可"));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("002").contains("事務変更").contains("市民課"));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("003").contains("仕様変更").contains("情報政策課"));
            assertThat(String.join("\n", rows)).doesNotContain("被災家屋調査");
        }

        browser.findElement(By.linkText("分析の一覧に戻る")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "フィット&ギャップ分析"));
        assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("ブラウザ試験の分析").contains("100.0%");
    }

    private void assess(String step, String fitGapClass, String practice, String countermeasure, String owner,
            String due) {
        WebElement select = browser.findElement(By.id("class-" + step));
        new Select(select).selectByVisibleText(fitGapClass);
        browser.findElement(By.id("practice-" + step)).sendKeys(practice);
        if (!countermeasure.isEmpty()) {
            browser.findElement(By.id("countermeasure-" + step)).sendKeys(countermeasure);
            browser.findElement(By.id("owner-" + step)).sendKeys(owner);
            WebElement date = browser.findElement(By.id("due-" + step));
            // A date field takes its parts as typed digits in the browser's locale (ja: year, month, day).
            date.sendKeys(due.substring(0, 4), Keys.TAB, due.substring(5, 7), Keys.TAB, due.substring(8, 10));
        }
    }

    private HttpResponse<byte[]> downloadWithTheBrowsersSession(String href) throws Exception {
        // Sessions live in the database (Spring Session JDBC), whose cookie is SESSION.
        Cookie session = browser.manage().getCookieNamed("SESSION");
        assertThat(session).as("the browser's session cookie").isNotNull();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
