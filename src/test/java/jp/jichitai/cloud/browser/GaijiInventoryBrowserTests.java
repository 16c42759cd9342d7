package jp.jichitai.cloud.browser;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.registry.RegistryFixture;
import jp.jichitai.cloud.support.Browser;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;
import jp.jichitai.cloud.tenancy.TenantContext;
import jp.jichitai.cloud.tenancy.Tenants;

/** The administrator reaches the 外字実態調査 from the 外字 page and sets a mapping with the keyboard alone. */
class GaijiInventoryBrowserTests extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    Residents residents;

    @Autowired
    Tenants tenants;

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
    void anAdministratorSetsAMappingFromTheInventoryWithTheKeyboard() {
        RegistryFixture.asClerk(NAYORO,
                () -> RegistryFixture.moveInHead(residents, "辻\uE0FA　五郎", "ツジ　ゴロウ", "19600101", "北海道名寄市西2条南2丁目"));
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitForHeading("名寄市 ホーム");
        browser.get(baseUrl() + "/admin/gaiji");
        waitForHeading("外字テーブル");
        browser.findElement(By.linkText("外字実態調査")).sendKeys(Keys.ENTER);
        waitForHeading("外字実態調査");
        assertThat(browser.findElement(By.id("gaiji-E0FA")).getText()).contains("U+E0FA").contains("F17E")
                .contains("住民基本台帳").contains("氏名");

        browser.findElement(By.id("substitute-E0FA")).sendKeys("\u8FBB", Keys.TAB, "一点しんにょうの辻", Keys.ENTER);

        assertThat(new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "U+E0FA の対応を保存しました。"))).isTrue();
        assertThat(browser.findElement(By.id("substitute-E0FA")).getAttribute("value")).isEqualTo("\u8FBB");
        assertThat(TenantContext.callAs(NAYORO, () -> tenants.currentGaijiSubstitutes())).containsEntry(0xE0FA, "\u8FBB");
    }

    private void waitForHeading(String text) {
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), text))).isTrue();
    }
}
