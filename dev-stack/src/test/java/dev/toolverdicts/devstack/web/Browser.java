package dev.toolverdicts.devstack.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium, driven through Debian's chromedriver (nothing downloaded), with the steps the
 * browser tests share: sign in through the real identity login form, screenshots, and axe-core checks.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 1800);
    static final Dimension PHONE = new Dimension(390, 2400);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE_RESULTS = Path.of("target", "axe");
    private static final String PASSWORD = "demo-password-2026";

    private final ChromeDriver driver;
    private final WebStack.Running stack;
    private final Path profile;

    Browser(WebStack.Running stack) {
        this.stack = stack;
        try {
            this.profile = Files.createTempDirectory(stack.workDir(), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    Browser open(String path) {
        driver.get(stack.url(path).toString());
        return this;
    }

    /** Signs in through the gateway's /login, which hands over to the identity service's login form. */
    Browser signIn(String email) {
        open("/login");
        waitFor(d -> d.findElements(By.id("username")).isEmpty() ? null : true);
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        URI site = stack.site();
        try {
            waitFor(d -> d.getCurrentUrl().startsWith(site.toString())
                    && !d.findElements(By.cssSelector(".account strong")).isEmpty() ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in of " + email + " ended at " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(20), condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition::apply);
    }

    /**
     * Emulates a screen through the DevTools protocol: CSS width (a phone is 390 and {@code mobile}), the colour
     * scheme the page's {@code prefers-color-scheme} sees ("light" or "dark"), so layout and dark mode are tested
     * as a phone or a dark system shows them.
     */
    Browser emulate(int width, int height, boolean mobile, String colorScheme) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
        return this;
    }

    Browser stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        return this;
    }

    /** How far the page is wider than the screen, in CSS pixels (0 when nothing scrolls sideways). */
    long sidewaysOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }

    /** The whole page as a PNG at the emulated width (the screen is made as tall as the page first). */
    Path fullPageShot(Path target, int width, boolean mobile, String colorScheme) {
        try {
            Files.createDirectories(target.getParent());
            emulate(width, 900, mobile, colorScheme);
            long height = ((Number) script("return Math.min(8000, document.documentElement.scrollHeight);"))
                    .longValue();
            emulate(width, (int) Math.max(900, height), mobile, colorScheme);
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the page at desktop and phone width as {@code target/screenshots/<name>-desktop.png} and {@code -phone.png}. */
    List<Path> screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path desktop = screenshot(name + "-desktop.png", DESKTOP);
            Path phone = screenshot(name + "-phone.png", PHONE);
            driver.manage().window().setSize(DESKTOP);
            return List.of(desktop, phone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path screenshot(String file, Dimension size) throws IOException {
        driver.manage().window().setSize(size);
        long height = ((Number) script("return Math.min(6000, document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(size.width, (int) Math.max(size.height, height)));
        Path target = SCREENSHOTS.resolve(file);
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target.toAbsolutePath();
    }

    /**
     * Runs axe-core (vendored from the npm package into test resources: browsers here cannot reach a CDN) on the
     * page, saves its violations as {@code target/axe/<name>.json}, and returns the serious and critical ones.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousAxeViolations(String name) {
        script(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' '))})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        String json = (String) result;
        try {
            Files.createDirectories(AXE_RESULTS);
            Files.writeString(AXE_RESULTS.resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) script("return JSON.parse(arguments[0]);",
                json);
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
