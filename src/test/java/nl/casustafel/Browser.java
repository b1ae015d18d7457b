package nl.casustafel;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (no browser downloads), with
 * the few steps the UI tests need: sign in, read what is on screen, sign out.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-quic", "--window-size=1400,1000", "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        this.driver = chrome;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Before any script of a page runs: every Content-Security-Policy violation is kept for the tab. */
    private static final String RECORD_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', e => {
              const key = 'casustafel-csp-violations';
              const seen = JSON.parse(sessionStorage.getItem(key) || '[]');
              seen.push(e.disposition + ' ' + e.effectiveDirective + ' blocked ' + e.blockedURI + ' at '
                  + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || ''));
              sessionStorage.setItem(key, JSON.stringify(seen));
            });
            """;

    /** The Content-Security-Policy violations this tab has seen on this site so far (none is the aim). */
    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('casustafel-csp-violations') || '[]');");
    }

    public void open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /**
     * Signs in as the demo accounts do: username and password, then, if the password was right, the code
     * of the second factor ({@link DemoTotp}). A wrong password leaves the browser on the sign-in form.
     */
    public void signIn(String username, String password) {
        signInWithPassword(username, password);
        wait.until(d -> isPresent("#second-factor-code") || isPresent("#enrol-code")
                || isPresent("vaadin-login-form[error]"));
        if (isPresent("#second-factor-code")) {
            enterCode(DemoTotp.code(username.strip()));
        }
    }

    /** Step 1 only: username and password. */
    public void signInWithPassword(String username, String password) {
        open("/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        waitForVaadin();
    }

    /** Step 2: a code of the app or a recovery code. */
    public void enterCode(String code) {
        type("#second-factor-code", code);
        press("#second-factor-submit");
    }

    public void signOut() {
        element("#sign-out").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        waitForVaadin();
    }

    public WebElement element(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public boolean isPresent(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Types into a Vaadin text field and waits for the server round-trip. */
    public void type(String fieldCss, String text) {
        WebElement input = element(fieldCss + " input");
        input.clear();
        input.sendKeys(text);
        input.sendKeys("\t");
        waitForVaadin();
    }

    /** The texts of the body cells of a Vaadin grid (what is rendered). */
    @SuppressWarnings("unchecked")
    public List<String> gridCells(String gridCss) {
        waitForVaadin();
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.querySelector(arguments[0]);
                return Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                  .filter(c => {
                    const td = c.assignedSlot && c.assignedSlot.parentElement;
                    const tr = td && td.parentElement;
                    return td && td.localName === 'td' && tr && !tr.hidden && tr.parentElement && tr.parentElement.id === 'items';
                  })
                  .map(c => c.textContent.trim())
                  .filter(t => t.length > 0);
                """, gridCss);
    }

    /** Waits (up to the usual timeout) until the condition holds, e.g. after a lazy search field fired. */
    public boolean eventually(java.util.function.BooleanSupplier condition) {
        try {
            wait.until(d -> condition.getAsBoolean());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** The visible element matching the selector whose text contains {@code text}, waiting for it. */
    public WebElement visibleWithText(String css, String text) {
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    /** Clicks the element matching the selector whose text contains {@code text}. */
    public void click(String css, String text) {
        visibleWithText(css, text).click();
        waitForVaadin();
    }

    /** Scrolls the element into the middle of the window and clicks it. */
    public void press(String css) {
        WebElement target = element(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        target.click();
        waitForVaadin();
    }

    /** Picks an item of a Vaadin select by its label. */
    public void select(String selectCss, String itemText) {
        element(selectCss).click();
        click("vaadin-select-item", itemText);
    }

    public String text(String css) {
        return element(css).getText();
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Makes the page a screen of this size: a phone (touch, mobile viewport) below 800 pixels wide,
     * else a desktop window. The page is reloaded by the caller ({@link #open}).
     */
    public void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 800));
    }

    /** Saves what the window shows as a PNG. */
    public void screenshot(java.nio.file.Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many pixels the page is wider than the window (0: nothing runs off the right edge). */
    public long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);")).longValue();
    }

    /**
     * Everything on the page a user sees or hears, through the components' shadow DOM: the text of
     * every visible element and the {@code aria-label}, {@code title} and {@code placeholder} of every
     * visible element, the latter as {@code attribute=value}.
     */
    @SuppressWarnings("unchecked")
    public List<String> shownTexts() {
        waitForVaadin();
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                const visible = el => {
                  if (!el || !el.getClientRects || el.getClientRects().length === 0) return false;
                  const style = getComputedStyle(el);
                  return style.visibility !== 'hidden' && style.display !== 'none';
                };
                const walk = root => {
                  for (const node of root.childNodes) {
                    if (node.nodeType === 3) {
                      const text = node.textContent.trim();
                      const parent = node.parentElement || (node.parentNode && node.parentNode.host);
                      if (text && visible(parent)) out.push(text);
                    } else if (node.nodeType === 1) {
                      if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) continue;
                      if (visible(node)) {
                        for (const name of ['aria-label', 'title', 'placeholder']) {
                          const value = node.getAttribute(name);
                          if (value) out.push(name + '=' + value);
                        }
                      }
                      if (node.shadowRoot) walk(node.shadowRoot);
                      walk(node);
                    }
                  }
                };
                walk(document.body);
                return out;
                """);
    }

    /** axe-core (MPL-2.0, Deque Systems), a test resource: the accessibility checker run in the page. */
    private static final String AXE = axeSource();

    /**
     * Runs axe-core on the page as it is now (through open shadow roots, so inside Vaadin's components too) and
     * returns its violations of these impacts and of these rules (whatever their impact), one readable line per
     * element: rule, impact, what it asks, where.
     * Violations of a rule on elements matching its selector in {@code excluded} (rule id to CSS selector) are
     * left out; each exclusion must say why where it is made.
     */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations(java.util.Set<String> impacts, java.util.Set<String> rules, Map<String, String> excluded) {
        waitForVaadin();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) js.executeAsyncScript("""
                const [impacts, rules, excluded, done] = arguments;
                const matches = (target, selector) => {
                  // a target is a path of selectors through shadow roots: the last one is the element itself
                  const path = Array.isArray(target) ? target : [target];
                  let root = document, el = null;
                  for (const part of path) {
                    el = root.querySelector(Array.isArray(part) ? part[part.length - 1] : part);
                    if (!el) return false;
                    root = el.shadowRoot || el;
                  }
                  return el.matches(selector) || !!el.closest(selector)
                      || (el.getRootNode() instanceof ShadowRoot && el.getRootNode().host.matches(selector));
                };
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                    .filter(v => impacts.includes(v.impact) || rules.includes(v.id))
                    .flatMap(v => v.nodes
                        .filter(n => !(excluded[v.id] && matches(n.target, excluded[v.id])))
                        .map(n => v.id + ' (' + v.impact + '): ' + v.help + '\\n    at ' + JSON.stringify(n.target)
                            + '\\n    ' + n.html.substring(0, 200) + '\\n    ' + (n.failureSummary || '').replaceAll('\\n', ' ')))))
                  .catch(e => done(['axe failed: ' + e]));
                """, List.copyOf(impacts), List.copyOf(rules), excluded);
    }

    private static String axeSource() {
        try (java.io.InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(java.util.Objects.requireNonNull(in, "axe/axe.min.js").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a script in the page and returns its answer. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Waits until Vaadin has no request in flight. */
    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) return true;
                return Object.values(clients).every(c => !c.isActive || !c.isActive());
                """)));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("casustafel-chromium-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
