package org.clusterdynamics.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.clusterdynamics.diag.Texts;
import org.clusterdynamics.model.SimSpecs;

/** Checks of {@code cdyn run}'s options that would otherwise give wrong or empty results silently. */
final class RunChecks {
    private RunChecks() {}

    /** Refuses time options that are not finite numbers, and a time step or save step that is not positive. */
    static void timeOptions(Double dt, Double start, Double stop, Double saveStep) {
        positive("--dt", dt, "e.g. --dt 0.25");
        positive("--save-step", saveStep, "a multiple of the time step, e.g. --save-step 1");
        finite("--start", start);
        finite("--stop", stop);
        if (start != null && stop != null && stop < start) {
            throw new IllegalArgumentException("--stop " + Texts.number(stop) + " is before --start "
                    + Texts.number(start) + "; give a stop time after the start time");
        }
    }

    private static void positive(String option, Double v, String example) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(option + " " + Texts.number(v) + " is not a positive number: give a"
                    + " finite step greater than 0, " + example);
        }
    }

    private static void finite(String option, Double v) {
        if (v != null && !Double.isFinite(v)) {
            throw new IllegalArgumentException(option + " " + Texts.number(v) + " is not a finite number: give a time"
                    + " such as " + option + " 1990");
        }
    }

    /** Results are written as CSV or TSV only: another extension (.xlsx, .json) would get CSV under a false name. */
    static boolean knownResultsExtension(Path output, PrintWriter err) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        err.println("--output " + output + ": cdyn run writes comma-separated (.csv) or tab-separated (.tsv, .tab)"
                + " results, not " + (dot < 0 ? "a file without an extension" : "'" + name.substring(dot) + "'")
                + "; name the file .csv or .tsv (spreadsheets open both)");
        err.flush();
        return false;
    }

    /**
     * A save step that is not a whole number of time steps cannot be kept: rows fall on time steps.
     * Vensim's documentation asks for a TIME STEP no longer than SAVEPER and Stella offers save
     * intervals in multiples of DT; rounding silently would save rows at other times than asked, so
     * an explicit --save-step (or --dt) that does not fit is refused with the nearest ones that do,
     * and a model file's own save step that does not fit gets a warning naming the step kept.
     */
    static boolean saveStepFits(SimSpecs specs, Double dtOption, Double saveOption, PrintWriter err) {
        double dt = dtOption != null ? dtOption : specs.dt();
        double save = saveOption != null ? saveOption : dtOption != null ? Math.max(specs.saveStep(), dt)
                : specs.saveStep();
        if (!(dt > 0) || !(save > 0) || !Double.isFinite(save / dt)) {
            return true; // reported by the run with the model's line
        }
        double ratio = save / dt;
        long steps = Math.max(1, Math.round(ratio));
        if (Math.abs(ratio - Math.rint(ratio)) <= 1e-6 * Math.max(1, ratio)) {
            return true;
        }
        String kept = Texts.number(steps * dt);
        if (saveOption != null || dtOption != null) {
            long below = Math.max(1, (long) Math.floor(ratio));
            err.println("the save step " + Texts.number(save) + " is not a multiple of the time step " + Texts.number(dt)
                    + ": rows can be saved only at time steps; use --save-step " + Texts.number(below * dt)
                    + " or " + Texts.number((below + 1) * dt) + (dtOption == null ? "" : ", or a --dt that divides "
                    + Texts.number(save)));
            err.flush();
            return false;
        }
        err.println("warning: the model's save step " + Texts.number(save) + " is not a multiple of its time step "
                + Texts.number(dt) + "; rows are saved every " + kept + " (" + steps + " step" + (steps == 1 ? "" : "s")
                + "); set --save-step to a multiple of the time step to choose");
        err.flush();
        return true;
    }
}
