package org.clusterdynamics.serve;

import static org.clusterdynamics.serve.Browser.js;
import static org.clusterdynamics.serve.ServeFixture.CLUSTERS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test: the time from a slider move to the redrawn charts of the cluster model's
 * page (server run, transfer, JSON parsing and drawing the four default charts), measured by the
 * page itself from the input event to the end of drawing. Also takes the README's screenshot with a
 * Monte Carlo band. Run with
 * {@code mvn -o test -Dtest=WhatIfPageBenchmark -Dcdyn.bench=true}.
 */
@EnabledIfSystemProperty(named = "cdyn.bench", matches = "true")
class WhatIfPageBenchmark {
    private static final int WARMUP = 10;
    private static final int MOVES = 40;

    @TempDir
    Path dir;

    @Test
    void sliderMoveToRedrawnCharts() throws Exception {
        String missing = Browser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        try (WhatIfServer server = ServeFixture.start(CLUSTERS, Limits.defaults())) {
            ChromeDriver browser = Browser.start(dir);
            try {
                browser.get("http://localhost:" + server.port() + "/");
                long runs = Browser.waitForRuns(browser, 0);
                WebElement duty = browser.findElement(By.cssSelector(
                        ".control[data-name='Import Duty'] input[type=range]"));
                List<double[]> samples = new ArrayList<>();
                for (int i = 0; i < WARMUP + MOVES; i++) {
                    duty.sendKeys(i % 2 == 0 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
                    runs = Browser.waitForRuns(browser, runs);
                    @SuppressWarnings("unchecked")
                    Map<String, Number> t = (Map<String, Number>) js(browser, "return whatif.timing;");
                    if (i >= WARMUP) {
                        samples.add(new double[] {t.get("totalMs").doubleValue(), t.get("serverMs").doubleValue(),
                                t.get("fetchMs").doubleValue(), t.get("drawMs").doubleValue()});
                    }
                }
                Number bytes = (Number) js(browser, "return JSON.stringify(whatif.current).length;");
                report(samples, bytes.longValue());
                screenshot(browser);
            } finally {
                browser.quit();
            }
        }
    }

    private static void report(List<double[]> samples, long bytes) {
        String[] names = {"slider move to redrawn charts", "  server run", "  request (run + transfer + parse)",
                "  drawing 4 charts"};
        System.out.printf(Locale.ROOT, "what-if page, cluster model, %d slider moves (%d KB of JSON per answer):%n",
                samples.size(), bytes / 1024);
        for (int k = 0; k < names.length; k++) {
            final int col = k;
            double[] v = samples.stream().mapToDouble(s -> s[col]).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-38s median %6.1f ms   p90 %6.1f ms   min %6.1f ms%n", names[k],
                    v[v.length / 2], v[(int) Math.floor(v.length * 0.9)], v[0]);
        }
        System.out.println("  raw totals: " + Arrays.toString(samples.stream().mapToLong(s -> Math.round(s[0]))
                .toArray()));
    }

    /** The page with two kept runs, a changed lever and a Monte Carlo band, for the README. */
    private void screenshot(ChromeDriver browser) throws Exception {
        long runs = Browser.runs(browser);
        WebElement duty = browser.findElement(By.cssSelector(".control[data-name='Import Duty'] input[type=range]"));
        duty.sendKeys(Keys.HOME);
        runs = Browser.waitForRuns(browser, runs);
        keep(browser, "no import duty");
        WebElement cfc = browser.findElement(By.cssSelector(".control[data-name='CFC Programme Start'] input[type=range]"));
        cfc.sendKeys(Keys.HOME);
        for (int i = 0; i < 20; i++) {
            cfc.sendKeys(Keys.ARROW_RIGHT);
        }
        runs = Browser.waitForRuns(browser, runs);
        Browser.waitForIdle(browser);
        keep(browser, "and CFC from 1975");
        browser.findElement(By.cssSelector(".toggle[data-name='Switch IIIc'] input")).click();
        Browser.waitForRuns(browser, runs);
        Browser.waitForIdle(browser);
        browser.findElement(By.id("mc-runs")).clear();
        browser.findElement(By.id("mc-runs")).sendKeys("100");
        browser.findElement(By.id("mc-spread")).clear();
        browser.findElement(By.id("mc-spread")).sendKeys("50");
        browser.findElement(By.id("mc-start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(x -> js(browser, "return whatif.band;") != null);
        js(browser, "document.getElementById('controls').scrollTop = 0; window.scrollTo(0, 0);");
        Thread.sleep(300);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "whatif-page-band.png"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("  screenshot: target/whatif-page-band.png");
    }

    private static void keep(ChromeDriver browser, String name) {
        WebElement field = browser.findElement(By.id("run-name"));
        field.clear();
        field.sendKeys(name);
        browser.findElement(By.id("keep")).click();
    }
}
