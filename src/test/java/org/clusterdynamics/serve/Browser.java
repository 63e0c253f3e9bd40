package org.clusterdynamics.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium for the page tests and the benchmark; uses the Debian
 * packages' chromium and chromedriver (Selenium Manager is not asked to download anything).
 */
final class Browser {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {}

    static Optional<Path> chromium() {
        return first(BROWSERS);
    }

    static Optional<Path> driver() {
        return first(DRIVERS);
    }

    /** Why the browser tests cannot run here, or null when they can. */
    static String missing() {
        if (chromium().isEmpty()) {
            return "Chromium not found (looked for " + String.join(", ", BROWSERS) + "); install the Debian packages"
                    + " chromium and chromium-driver to run the page tests";
        }
        if (driver().isEmpty()) {
            return "chromedriver not found (looked for " + String.join(", ", DRIVERS) + "); install the Debian"
                    + " package chromium-driver to run the page tests";
        }
        return null;
    }

    static ChromeDriver start(Path downloads) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium().orElseThrow().toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1500,1150", "--hide-scrollbars", "--disable-extensions", "--no-first-run");
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().orElseThrow().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    static Object js(ChromeDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** Waits until the page has drawn more than {@code before} answers; returns the new count. */
    static long waitForRuns(ChromeDriver d, long before) {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> runs(d) > before);
        return runs(d);
    }

    /** Waits until no answer is awaited or pending (after several quick moves). */
    static void waitForIdle(ChromeDriver d) {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(
                js(d, "return !whatif.inFlight && !whatif.pending;")));
    }

    static long runs(ChromeDriver d) {
        Object n = js(d, "return window.whatif && window.whatif.runs;");
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static Optional<Path> first(List<String> paths) {
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
