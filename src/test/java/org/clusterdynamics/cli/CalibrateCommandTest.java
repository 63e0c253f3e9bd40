package org.clusterdynamics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** cdyn calibrate end to end on the documented SIR example, its errors, and run --set-file with its output. */
class CalibrateCommandTest {
    private static final Path MODEL = Path.of("docs/examples/sir.xmile");
    private static final Path DATA = Path.of("docs/examples/sir-cases.csv");

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int cdyn(String... args) {
        return Main.commandLine().execute(args);
    }

    @Test
    void calibrateWritesTablesChartAndASettingsFileThatRunApplies() throws Exception {
        Path out = dir.resolve("fit");
        assertEquals(0, cdyn("calibrate", MODEL.toString(), "--data", DATA.toString(), "--fit", "Contact Rate=0.1..2",
                "--fit", "Recovery Rate=0.01..1", "--until", "60", "--no-profile", "--threads", "2", "--out",
                out.toString()), console.err());
        for (String f : List.of("parameters.csv", "correlation.csv", "statistics.csv", "fit.csv", "fit.png",
                "calibrated.txt")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String stats = Files.readString(out.resolve("statistics.csv"));
        assertTrue(stats.contains("Infected,fit") && stats.contains("Infected,holdout"), stats);
        assertTrue(console.out().contains("Contact Rate"), console.out());
        Path csv = dir.resolve("run.csv");
        assertEquals(0, cdyn("run", MODEL.toString(), "--set-file", out.resolve("calibrated.txt").toString(),
                "--output", csv.toString()), console.err());
        String[] header = Files.readAllLines(csv).get(0).split(",");
        String[] first = Files.readAllLines(csv).get(1).split(",");
        int col = List.of(header).indexOf("Contact Rate");
        double fitted = Double.parseDouble(Files.readAllLines(out.resolve("calibrated.txt")).stream()
                .filter(l -> l.startsWith("Contact Rate")).findFirst().orElseThrow().split("=")[1].strip());
        assertEquals(fitted, Double.parseDouble(first[col]), 0);
        assertEquals(0.5, fitted, 0.05, "near the value the data was made with");
    }

    private void refused(int code, String expected, String... args) {
        Path out = dir.resolve("never");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        assertEquals(code, cdyn(all), console.err());
        assertTrue(console.err().contains(expected), console.err());
        assertFalse(console.err().contains("Exception"), console.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badInputIsRefusedWithTheFixAndNothingWritten() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.csv"), "Time,Infectd\n0,1\n1,2\n2,3\n");
        refused(1, "column 'Infectd' names no variable of the model " + MODEL + ". Did you mean 'Infected'?",
                "calibrate", MODEL.toString(), "--data", typo.toString(), "--fit", "Contact Rate=0.1..2");
        refused(1, "'Infection' is not a constant (it is a flow", "calibrate", MODEL.toString(), "--data",
                DATA.toString(), "--fit", "Infection=0.1..2");
        refused(2, "LO must be below HI", "calibrate", MODEL.toString(), "--data", DATA.toString(), "--fit",
                "Contact Rate=2..0.1");
        Path late = Files.writeString(dir.resolve("late.csv"), "Time,Infected\n200,1\n300,2\n");
        refused(1, "no data point lies within the run's times 0..100 (the data covers 200..300)", "calibrate",
                MODEL.toString(), "--data", late.toString(), "--fit", "Contact Rate=0.1..2");
        refused(2, "unknown payoff 'chi2'", "calibrate", MODEL.toString(), "--data", DATA.toString(), "--fit",
                "Contact Rate=0.1..2", "--payoff", "chi2");
    }

    @Test
    void failingTrialsAreCountedAndTheSearchGoesOn() throws Exception {
        // the square root is NaN below a contact rate of 0.3: those trial runs fail
        String model = Files.readString(MODEL).replace("<eqn>Contact_Rate * Susceptible * Infected / Population</eqn>",
                "<eqn>Contact_Rate * Susceptible * Infected / Population + 0 * SQRT(Contact_Rate - 0.3)</eqn>");
        Path m = Files.writeString(dir.resolve("fragile.xmile"), model);
        assertEquals(0, cdyn("calibrate", m.toString(), "--data", DATA.toString(), "--fit", "Contact Rate=0.1..2",
                "--fit", "Recovery Rate=0.01..1", "--method", "cmaes", "--max-trials", "300", "--no-profile"),
                console.err());
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("trial runs: (\\d+), failed: (\\d+) \\(first: with"
                + " Contact Rate = ").matcher(console.out());
        assertTrue(x.find(), console.out());
        assertTrue(Integer.parseInt(x.group(2)) > 0, "some trials failed");
        java.util.regex.Matcher est = java.util.regex.Pattern.compile("Contact Rate\\s+0.1\\s+2\\s+([0-9.]+)")
                .matcher(console.out());
        assertTrue(est.find(), console.out());
        double c = Double.parseDouble(est.group(1));
        assertTrue(c > 0.45 && c < 0.6, "a contact rate near the data's 0.5 (Initial Infected is held at 5): " + c);
    }

    @Test
    void theTimeLimitStopsTheSearchAndNothingIsWritten() {
        Path out = dir.resolve("late");
        assertEquals(4, cdyn("calibrate", MODEL.toString(), "--data", DATA.toString(), "--fit", "Contact Rate=0.1..2",
                "--starts", "1000000", "--timeout", "0.5", "--out", out.toString()));
        assertTrue(console.err().contains("stopped: the time limit of 0.5 s (--timeout) was reached; nothing was"
                + " written"), console.err());
        assertFalse(Files.exists(out));
    }
}
