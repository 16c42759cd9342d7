package jp.jichitai.cloud.browser;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.support.Browser;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/**
 * A clerk searches たかはし, finds 髙橋, opens the household, records a 転居 and prints a 住民票 (preview, then issue:
 * the PDF is served), with the keyboard alone.
 */
class ResidentsBrowserTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    Residents residents;

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
    void aClerkFindsTheLadderTakahashiAndRecordsARelocation() {
        String atena = RegistryFixture.asClerk(NAYORO, () -> residents.record(new ChangeRequest.MoveIn(ChangeKind.DOMESTIC_MOVE_IN,
                RegistryFixture.TODAY.minusDays(30), Optional.of(RegistryFixture.TODAY.minusDays(30)),
                RegistryFixture.person("髙橋　窓口子", "タカハシ　マドグチコ", "昭和60年6月6日", Sex.FEMALE, Relationship.HOUSEHOLD_HEAD,
                        "北海道名寄市西1条南2丁目3番地"), Optional.empty(), OptionalInt.empty()))).residents().get(0).value();
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        browser.get(baseUrl() + "/login");
        browser.switchTo().activeElement().sendKeys(clerk, Keys.TAB, PASSWORD, Keys.ENTER);
        Browser.awaitSignedIn(browser);
        browser.get(baseUrl() + "/residents");

        browser.switchTo().activeElement().sendKeys("たかはし まどぐちこ", Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results table")));
        assertThat(browser.findElement(By.cssSelector("#results")).getText()).contains("髙橋　窓口子").contains("昭和60年6月6日");

        browser.findElement(By.linkText("髙橋　窓口子")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "髙橋　窓口子"));
        browser.findElement(By.cssSelector("a[href^='/residents/households/']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "世帯"));
        assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("髙橋　窓口子").contains("世帯主");

        browser.findElement(By.cssSelector("a[aria-label='髙橋　窓口子の転居']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "転居"));
        browser.findElement(By.id("postalCode")).sendKeys("096-0071");
        browser.findElement(By.id("address")).sendKeys("北海道名寄市東1条南8丁目");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("district"))).selectByValue("010400");
        browser.findElement(By.id("address")).sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("転居を記録しました");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("転居").contains("髙橋　窓口子");
        assertThat(browser.findElement(By.cssSelector(".lead")).getText()).contains("北海道名寄市東1条南8丁目");

        // 住民票の写し: choose the items, check the preview, then issue and get the PDF in the browser's own session.
        browser.get(baseUrl() + "/residents/" + atena);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "髙橋　窓口子"));
        browser.findElement(By.name("headAndRelationship")).sendKeys(Keys.SPACE);
        browser.findElement(By.name("officialUse")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("preview-certificate")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "住民票の写しの確認"));
        assertThat(browser.findElement(By.id("certificate-preview")).getText()).contains("髙橋　窓口子")
                .contains("北海道名寄市東1条南8丁目").contains("世帯主").contains("公用")
                .contains("この写しは、住民票の原本と相違ないことを証明する。");
        @SuppressWarnings("unchecked")
        java.util.List<Object> answer = (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('issue-form');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin'})
                  .then(response => response.arrayBuffer().then(bytes => {
                    let binary = '';
                    new Uint8Array(bytes).forEach(b => binary += String.fromCharCode(b));
                    done([response.status, response.headers.get('Content-Type'), btoa(binary)]);
                  }))
                  .catch(error => done([0, String(error), '']));
                """);
        assertThat(((Number) answer.get(0)).intValue()).as(String.valueOf(answer.get(1))).isEqualTo(200);
        assertThat((String) answer.get(1)).startsWith("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(java.util.Base64.getDecoder().decode((String) answer.get(2)))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("住民票の写し").contains("髙橋　窓口子")
                    .contains("北海道名寄市東1条南8丁目").contains("公用");
        } catch (java.io.IOException e) {
            throw new AssertionError("the served PDF does not open", e);
        }

        browser.get(baseUrl() + "/residents/" + atena + "/changes/relocation");
        browser.findElement(By.id("changedOn")).clear();
        browser.findElement(By.id("changedOn")).sendKeys("2099-01-01", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("住所を入力してください。")
                .contains("行政区を選んでください。");
    }
}
