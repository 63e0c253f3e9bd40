package org.clusterdynamics.serve;

import static org.clusterdynamics.serve.Browser.js;
import static org.clusterdynamics.serve.ServeFixture.CLUSTERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The what-if page in headless Chromium on the cluster model: a slider move redraws the charts
 * with what `cdyn run` gives for that setting, a switch toggles, two kept runs are both drawn, and
 * the CSV download holds every run. Skipped, with the reason, when Chromium or its driver is missing.
 */
class WhatIfPageTest {
    private static WhatIfServer server;
    private static ChromeDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        String missing = Browser.missing();
        if (missing != null) {
            System.err.println("WhatIfPageTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        server = ServeFixture.start(CLUSTERS, Limits.defaults());
        browser = Browser.start(dir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void slidersSwitchesKeptRunsAndTheCsvDownloadWorkInARealBrowser() throws Exception {
        browser.get("http://localhost:" + server.port() + "/");
        long runs = Browser.waitForRuns(browser, 0);
        assertEquals("", browser.findElement(By.id("status")).getAttribute("class"), status());
        double[] baseline = series("Firms", "baseline");
        assertArrayEquals(baseline, series("Firms", "current"), "the page opens on the model as it is");

        // move a slider with the keyboard, as a person would: Home puts it at its minimum
        WebElement duty = browser.findElement(By.cssSelector(".control[data-name='Import Duty'] input[type=range]"));
        duty.sendKeys(Keys.HOME);
        runs = Browser.waitForRuns(browser, runs);
        assertEquals("0", duty.getAttribute("value"));
        double[] noDuty = series("Firms", "current");
        assertFalse(Arrays.equals(baseline, noDuty), "the chart's data changed");
        Map<String, double[]> cli = ServeFixture.cdynRun(CLUSTERS, dir, List.of("Import Duty=0"),
                List.of("Firms", "Products Mastered"));
        assertArrayEquals(cli.get("Firms"), noDuty, "the chart shows what cdyn run gives for Import Duty=0");
        assertArrayEquals(cli.get("Products Mastered"), series("Products Mastered", "current"));

        keep("no duty");
        double[] productsBefore = series("Products Mastered", "current");
        browser.findElement(By.cssSelector(".toggle[data-name='Switch Ic'] input")).click();
        runs = Browser.waitForRuns(browser, runs);
        assertFalse(browser.findElement(By.cssSelector(".toggle[data-name='Switch Ic'] input")).isSelected());
        double[] productsAfter = series("Products Mastered", "current");
        assertFalse(Arrays.equals(productsBefore, productsAfter), "the switch changed the chart's data");
        assertArrayEquals(ServeFixture.cdynRun(CLUSTERS, dir, List.of("Import Duty=0", "Switch Ic=0"),
                List.of("Products Mastered")).get("Products Mastered"), productsAfter,
                "the chart shows what cdyn run gives with the switch off");
        keep("no duty, no Ic");

        assertEquals(2, browser.findElements(By.cssSelector("#kept .kept-run")).size());
        assertArrayEquals(noDuty, series("Firms", "no duty"), "the first kept run is drawn");
        assertArrayEquals(productsAfter, series("Products Mastered", "no duty, no Ic"), "and the second");

        browser.findElement(By.id("reset")).click();
        runs = Browser.waitForRuns(browser, runs);
        assertArrayEquals(baseline, series("Firms", "current"), "reset: back to the model as it is");
        assertEquals("0.4", duty.getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector(".toggle[data-name='Switch Ic'] input")).isSelected());
        assertArrayEquals(noDuty, series("Firms", "no duty"), "kept runs stay");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "whatif-page.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.id("csv")).click();
        Path csv = dir.resolve("whatif-runs.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        assertTrue(header.startsWith("Time,current: "), header);
        assertTrue(header.contains("no duty: Firms") && header.contains("\"no duty, no Ic: Firms\"")
                && header.contains("baseline: Firms"), header);
        assertEquals(noDuty.length + 1, lines.size(), "a row per save time");

        WebElement firstChart = browser.findElement(By.cssSelector("#charts .card"));
        firstChart.findElement(By.cssSelector("button.svg")).click();
        firstChart.findElement(By.cssSelector("button.png")).click();
        Path svg = dir.resolve("products-mastered.svg");
        Path png = dir.resolve("products-mastered.png");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> Files.exists(svg) && Files.exists(png));
        String svgText = Files.readString(svg);
        assertTrue(svgText.startsWith("<svg") && svgText.contains("Products mastered"), "an SVG with its title");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, "a PNG file");
    }

    private void keep(String name) {
        WebElement field = browser.findElement(By.id("run-name"));
        field.clear();
        field.sendKeys(name);
        browser.findElement(By.id("keep")).click();
    }

    private static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** The values a chart draws for one output of one run, read from the chart itself. */
    private static double[] series(String output, String run) {
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) js(browser, "const [out, run] = arguments;"
                + " const c = whatif.charts.find(c => c.outputs.includes(out));"
                + " const s = c.chart.getOption().series.find(s => s.name === out + ' \\u2014 ' + run);"
                + " return s ? s.data.map(p => p[1]) : null;", output, run);
        assertTrue(values != null, "no series '" + output + " \u2014 " + run + "' in the chart; " + status());
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
