package clinic.tried;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Swagger UI in headless Chromium, used the way a person uses it: expand, try it out, fill in, execute. */
final class SwaggerUi implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String screenshot;

    private SwaggerUi(WebDriver browser, String screenshot) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, PATIENCE);
        this.screenshot = screenshot;
    }

    /**
     * Debian's chromium through Debian's chromedriver, with the flags this closed network needs. On close, the
     * page is saved as target/{screenshot}.png (and .html), passed or failed.
     */
    static SwaggerUi open(URL swaggerUi, String screenshot) throws IOException {
        Tools.requireBrowser();
        Files.createDirectories(Path.of("target"));
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Tools.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        SwaggerUi ui = new SwaggerUi(new ChromeDriver(service, options), screenshot);
        ui.browser.get(swaggerUi.toString());
        ui.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        return ui;
    }

    /** Authorize, as a person does: the padlock button, paste the token, Authorize, Close. */
    void authorize(String token) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".scheme-container .authorize"))));
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".modal-ux .auth-container input")));
        replaceText(input, token);
        click(browser.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize")));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".modal-ux .auth-btn-wrapper button.btn-done"))));
    }

    /** Reloads the page, as a person coming back later does. */
    void reload() {
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
    }

    /** Clicks an operation's summary so that it expands; returns the operation's block. */
    WebElement expand(String method, String path) {
        By block = By.xpath("//div[contains(@class,'opblock-" + method.toLowerCase() + "')]"
                + "[.//*[contains(@class,'opblock-summary-path') and @data-path='" + path + "']]");
        WebElement op = wait.until(ExpectedConditions.presenceOfElementLocated(block));
        click(op.findElement(By.cssSelector(".opblock-summary")));
        wait.until(d -> !op.findElements(By.cssSelector(".opblock-body")).isEmpty());
        return op;
    }

    void tryItOut(WebElement op) {
        click(wait.until(d -> op.findElement(By.cssSelector("button.try-out__btn"))));
        wait.until(d -> !op.findElements(By.cssSelector("button.execute")).isEmpty());
    }

    /** Types into a query parameter's field; fails, naming the parameter, where the API docs lack it. */
    void fill(WebElement op, String parameter, String value) {
        List<WebElement> rows = op.findElements(By.cssSelector("tr[data-param-name='" + parameter + "']"));
        if (rows.isEmpty()) {
            fail("Swagger UI shows no '" + parameter + "' parameter for this operation, so a person cannot send"
                    + " it: the OpenAPI document does not describe it");
        }
        WebElement input = rows.get(0).findElement(By.cssSelector("input, textarea"));
        replaceText(input, value);
    }

    void fillBody(WebElement op, String json) {
        replaceText(wait.until(d -> op.findElement(By.cssSelector("textarea.body-param__text"))), json);
    }

    /** Presses Execute and waits for the live response; returns its status code as shown. */
    String execute(WebElement op) {
        click(op.findElement(By.cssSelector("button.execute")));
        WebElement status = wait.until(d -> op.findElement(
                By.cssSelector(".live-responses-table .response .response-col_status")));
        // The screenshot shows the request as sent (curl, URL) and the response.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                op.findElement(By.cssSelector(".responses-wrapper")));
        return status.getText().trim();
    }

    /** The response body as Swagger UI shows it. */
    String responseBody(WebElement op) {
        return op.findElement(By.cssSelector(".live-responses-table .response-col_description .highlight-code pre"))
                .getAttribute("textContent");
    }

    /** The response headers as Swagger UI shows them. */
    String responseHeaders(WebElement op) {
        return op.findElement(By.xpath(".//*[contains(@class,'live-responses-table')]"
                + "//h5[normalize-space()='Response headers']/following-sibling::*[1]")).getAttribute("textContent");
    }

    String requestUrl(WebElement op) {
        return op.findElement(By.cssSelector(".request-url pre")).getAttribute("textContent");
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    @Override
    public void close() throws IOException {
        try {
            Path target = Path.of("target");
            Files.write(target.resolve(screenshot + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(target.resolve(screenshot + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } finally {
            browser.quit();
        }
    }
}
