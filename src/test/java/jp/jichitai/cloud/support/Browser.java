package jp.jichitai.cloud.support;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, with the flags this closed network needs. Missing
 * Chromium skips the browser tests on a developer's machine and fails them when CI=true.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * Waits until the sign-in that the page's form has just submitted has left the login page. Pressing Enter
     * returns before the POST completes, so a test that navigates at once can abort the sign-in and land on the
     * login page again (CI stop 15 failed that way).
     */
    public static void awaitSignedIn(org.openqa.selenium.WebDriver browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(
                () -> "still on the login page: " + browser.getCurrentUrl())
                .until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    public static ChromeDriver start() {
        return start(null);
    }

    /** A browser that saves downloads (and PDFs, instead of showing them) into a folder, or not when null. */
    public static ChromeDriver start(java.nio.file.Path downloads) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium and chromedriver are required when CI=true (scripts/install-test-tools.sh)");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=ja-JP", "--window-size=1280,1024",
                    "--user-data-dir=" + Files.createTempDirectory("jc-chromium"));
            if (downloads != null) {
                options.setExperimentalOption("prefs", java.util.Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "plugins.always_open_pdf_externally", true));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            if (downloads != null) {
                driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                        "downloadPath", downloads.toAbsolutePath().toString()));
            }
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
