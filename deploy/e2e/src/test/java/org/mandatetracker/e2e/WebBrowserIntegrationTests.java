package org.mandatetracker.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application in a real browser: Debian's Chromium driven through its chromedriver, against the system
 * {@link LaunchedSystem} started. axe-core checks each page a scenario ends on, and each test leaves a screenshot of
 * its final page (and of any second window) under {@code target/screenshots/}.
 */
@ExtendWith(LaunchedSystem.class)
class WebBrowserIntegrationTests {

    private static final String WEB = LaunchedSystem.WEB;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FORMS = List.of("body", "correction", "mandate", "meeting", "rescheduling",
            "holding", "decision", "recommendation", "document", "fulfilment");

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private WebDriver browser(String name) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("mt-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        browsers.add(driver);
        names.add(name);
        return driver;
    }

    @AfterEach
    void screenshotAndQuit(TestInfo test) throws IOException {
        Path folder = Path.of("target/screenshots");
        Files.createDirectories(folder);
        for (int i = 0; i < browsers.size(); i++) {
            WebDriver driver = browsers.get(i);
            try {
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), folder.resolve(test.getTestMethod().orElseThrow().getName() + "-"
                        + names.get(i) + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    /** Sets a date input the way a date picker does, whatever the browser's locale shows. */
    private static void pickDate(WebDriver driver, WebElement input, String iso) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, iso);
    }

    /** No serious or critical accessibility violation on the page as it is now. */
    private static void assertAccessible(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(WebBrowserIntegrationTests::describe).toList();
        assertThat(severe).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    private static void signIn(WebDriver driver, String tokenName) {
        driver.findElement(By.id("token")).sendKeys(LaunchedSystem.token(tokenName));
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
    }

    @Test
    void aReaderFindsTheWorkingGroupSeesItsMandatesAsOfNewYear2011AndOpensTheHistoryOf44() throws IOException {
        WebDriver reader = browser("reader");
        reader.get(WEB + "/");
        // The tree shows the Conference of the Parties; opening it fetches its subsidiary bodies.
        reader.findElement(By.xpath("//ul[@class='tree']/li[a[@href='/bodies/ctoc-cop']]/details/summary")).click();
        waiting(reader).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[a[@href='/bodies/ctoc-cop']]/details//a[@href='/bodies/ctoc-wg-tip']")));
        reader.findElement(By.id("q")).sendKeys("Trafficking in Persons");
        reader.findElement(By.cssSelector("form[role=search] button")).click();
        // The search loads a new page; until it has, the tree's link of the same name is still there, about to go.
        waiting(reader).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@class='results']//a[normalize-space()='Working Group on Trafficking in Persons']"))).click();
        waiting(reader).until(ExpectedConditions.urlContains("/bodies/ctoc-wg-tip"));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Working Group on Trafficking in Persons");
        assertThat(reader.findElement(By.id("signed-in-as")).getText()).isEqualTo("Not signed in");

        pickDate(reader, reader.findElement(By.id("asOf")), "2011-01-01");
        reader.findElement(By.cssSelector("form.filters button")).click();
        waiting(reader).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mandates caption"),
                "1 January 2011"));
        List<WebElement> rows = reader.findElements(By.cssSelector("#mandates tr.mandate"));
        assertThat(rows).hasSize(3);
        WebElement meeting = reader.findElement(By.id("mandate-wg-tip-intersessional-meeting"));
        assertThat(meeting.getText()).contains("before session 6").contains("14 October 2012").contains("Open");
        assertThat(meeting.findElement(By.cssSelector("td.resolved time")).getAttribute("datetime"))
                .isEqualTo("2012-10-14");
        assertThat(reader.findElement(By.id("mandate-wg-tip-recommendations")).getText())
                .contains("at session 6").contains("15 October 2012").contains("Open");
        assertThat(reader.findElement(By.id("mandate-wg-tip-advise")).getText()).contains("Standing");
        assertThat(reader.getCurrentUrl()).as("the date is kept in the address").contains("asOf=2011-01-01");
        assertAccessible(reader);

        reader.findElement(By.linkText("4/4")).click();
        waiting(reader).until(ExpectedConditions.urlContains("/decisions"));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("History of 4/4");
        List<WebElement> lines = reader.findElements(By.cssSelector("ol.history > li"));
        assertThat(lines).hasSizeGreaterThan(3);
        assertThat(lines.get(0).getText()).contains("17 October 2008").contains("recorded by local-recorder");
        assertThat(lines.get(0).findElements(By.cssSelector("a[href^='/meetings/']"))).isNotEmpty();
        assertThat(reader.findElements(By.cssSelector("ol.history a[href='/bodies/ctoc-wg-tip']"))).isNotEmpty();
        assertAccessible(reader);
    }

    @Test
    void aRecorderFixesAMalformedSymbolAndRecordsARecommendationThatAReaderSeesArriveWithoutReloading()
            throws IOException {
        WebDriver watcher = browser("watcher");
        watcher.get(WEB + "/recommendations?body=ctoc-wg-tip");
        ((JavascriptExecutor) watcher).executeScript("window.notReloaded = true");
        waiting(watcher).until(driver -> ((JavascriptExecutor) driver).executeScript(
                "const data = document.querySelector('#recommendations')['htmx-internal-data'];"
                        + " return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1)")
                == Boolean.TRUE);

        WebDriver recorder = browser("recorder");
        recorder.get(WEB + "/record/recommendation");
        waiting(recorder).until(ExpectedConditions.urlContains("/sign-in"));
        signIn(recorder, "RECORDER_TOKEN");
        waiting(recorder).until(ExpectedConditions.urlContains("/record/recommendation"));
        assertThat(recorder.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as local-recorder");

        String text = "Recorded in a browser " + UUID.randomUUID().toString().substring(0, 8);
        recorder.findElement(By.id("meetingId")).sendKeys("wg-tip-2011-10");
        recorder.findElement(By.id("text")).sendKeys(text);
        recorder.findElement(By.id("addressee-description")).sendKeys("States parties");
        recorder.findElement(By.id("reportSymbol")).sendKeys("not a symbol!");
        pickDate(recorder, recorder.findElement(By.id("adoptedOn")), "2011-10-12");
        recorder.findElement(By.id("source-document")).sendKeys("CTOC/COP/WG.4/2011/8");
        recorder.findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement error = waiting(recorder).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("reportSymbol-error")));
        assertThat(error.getText()).contains("symbol");
        WebElement symbol = recorder.findElement(By.id("reportSymbol"));
        assertThat(symbol.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(symbol.getAttribute("aria-describedby")).isEqualTo("reportSymbol-error");
        assertThat(recorder.findElement(By.id("text")).getAttribute("value")).as("kept as typed").isEqualTo(text);
        assertThat(recorder.findElement(By.id("adoptedOn")).getAttribute("value")).isEqualTo("2011-10-12");
        assertThat(recorder.findElements(By.cssSelector(".field-error"))).hasSize(1);
        assertAccessible(recorder);

        symbol.clear();
        symbol.sendKeys("CTOC/COP/WG.4/2011/8");
        ((JavascriptExecutor) recorder).executeScript(
                "const form = document.querySelector('main form'); form.requestSubmit(); form.requestSubmit();");
        waiting(recorder).until(ExpectedConditions.urlContains("/meetings/wg-tip-2011-10"));
        assertThat(recorder.findElement(By.id("recorded")).getText()).isIn("Recorded.",
                "Already recorded: nothing changed.");
        By recorded = By.xpath("//li[contains(., '" + text + "')]");
        // the meeting's page is meeting-service's read side, which may take a moment to show the new outcome
        waiting(recorder).until(driver -> {
            if (driver.findElements(recorded).isEmpty()) {
                driver.navigate().refresh();
                return false;
            }
            return true;
        });
        assertThat(recorder.findElements(recorded)).as("submitted twice, recorded once").hasSize(1);

        waiting(watcher).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[@id='recommendations']/li[contains(., '" + text + "')]")));
        assertThat(((JavascriptExecutor) watcher).executeScript("return window.notReloaded")).isEqualTo(true);
        assertAccessible(watcher);
    }

    @Test
    void anAnonymousVisitorReadsButReachesNoFormThatWritesAndAReaderIsRefusedThem() throws Exception {
        WebDriver visitor = browser("anonymous");
        visitor.get(WEB + "/bodies");
        assertThat(visitor.findElements(By.cssSelector("a[href^='/record']"))).isEmpty();
        for (String form : FORMS) {
            visitor.get(WEB + "/record/" + form);
            assertThat(visitor.getCurrentUrl()).as(form).startsWith(WEB + "/sign-in");
            assertThat(visitor.findElements(By.cssSelector("main form[action^='/record']"))).as(form).isEmpty();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(WEB + "/record/body"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x&shortName=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("a write without a session and CSRF token").isIn(302, 403);
        assertThat(post.headers().firstValue("Location").orElse("")).doesNotContain("/bodies/");

        signIn(visitor, "READER_TOKEN");
        waiting(visitor).until(ExpectedConditions.textToBe(By.id("signed-in-as"), "Signed in as local-reader"));
        visitor.get(WEB + "/record/body");
        assertThat(visitor.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(visitor.findElements(By.cssSelector("main form[action^='/record']"))).isEmpty();
        visitor.get(WEB + "/meetings");
        assertThat(visitor.findElements(By.cssSelector("a[href^='/calendar.ics']"))).hasSize(1);
        assertAccessible(visitor);
    }
}
