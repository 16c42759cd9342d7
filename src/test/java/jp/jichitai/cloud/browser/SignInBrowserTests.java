package jp.jichitai.cloud.browser;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.identity.UserAccounts;
import jp.jichitai.cloud.support.Browser;
import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestUsers;

/** A clerk signs in with the keyboard alone and sees the town's home page; a wrong password is explained. */
class SignInBrowserTests extends IntegrationTest {

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
    void aClerkSignsInAndSeesTheTownsHomePage() {
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        browser.get(baseUrl() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "ログイン"))).isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).contains("ユーザーID", "※必須");

        browser.switchTo().activeElement().sendKeys(clerk, Keys.TAB, PASSWORD, Keys.ENTER);

        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "名寄市 ホーム"))).isTrue();
        assertThat(browser.findElement(By.cssSelector(".tenant-name")).getText()).isEqualTo("名寄市");
        assertThat(browser.findElement(By.cssSelector(".role-badge")).getText()).isEqualTo("窓口職員");
        assertThat(browser.findElement(By.cssSelector(".site-nav")).getText())
                .contains("住民記録").doesNotContain("アクセスログ").doesNotContain("団体の設定");
        assertThat(browser.getPageSource()).contains("名寄市長　天塩　一郎");
    }

    @Test
    void aWrongPasswordShowsTheJapaneseErrorAtTheTop() {
        String clerk = TestUsers.ensure(accounts, NAYORO, Role.CLERK);
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys("not-the-password", Keys.ENTER);

        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("ログインできませんでした").contains("ユーザーIDまたはパスワードが正しくありません。");
        assertThat(browser.findElement(By.cssSelector(".error-summary a")).getAttribute("href")).endsWith("#username");
    }

    @Test
    void anAdministratorSeesTheAdministrationMenu() {
        String admin = TestUsers.ensure(accounts, NAYORO, Role.TENANT_ADMIN);
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        Browser.awaitSignedIn(browser);
        browser.findElement(By.linkText("アクセスログ")).click();
        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), "アクセスログ"))).isTrue();
        assertThat(browser.findElement(By.cssSelector("table")).getText()).contains(admin).contains("login");
    }
}
