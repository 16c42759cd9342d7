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

/** A clerk searches たかはし, finds 髙橋, opens the household and records a 転居, with the keyboard alone. */
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
        browser.findElement(By.id("address")).sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("転居を記録しました");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("転居").contains("髙橋　窓口子");
        assertThat(browser.findElement(By.cssSelector(".lead")).getText()).contains("北海道名寄市東1条南8丁目");

        browser.get(baseUrl() + "/residents/" + atena + "/changes/relocation");
        browser.findElement(By.id("changedOn")).clear();
        browser.findElement(By.id("changedOn")).sendKeys("2099-01-01", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("住所を入力してください。");
    }
}
