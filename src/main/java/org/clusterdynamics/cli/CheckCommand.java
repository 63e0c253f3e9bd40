package org.clusterdynamics.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clusterdynamics.check.UnitChecker;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.model.Model;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn check} command: lists every diagnostic of a model, units included. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks a model: syntax, undefined names, functions and arguments, cycles, and units."
                + " Exits 1 when there are errors; unit mismatches are warnings.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--data-root", paramLabel = "DIR", description = "A folder whose files the model's GET XLS / GET"
            + " DIRECT functions may read, besides the model's own folder (repeatable).")
    List<Path> dataRoots = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Model model;
        try {
            model = ModelFiles.read(modelFile, List.of(), InputFiles.dataRoots(modelFile, dataRoots));
        } catch (ModelException e) {
            return Reporting.fail(e, spec.commandLine().getErr());
        }
        Diagnostics all = new Diagnostics();
        all.addAll(Reporting.located(new ModelException(ModelCompiler.diagnose(model)), model).diagnostics());
        UnitChecker.check(model, all);
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : all) {
            out.println(d);
            if (d.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        out.println(modelFile + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings
                + " warning" + (warnings == 1 ? "" : "s"));
        out.flush();
        return errors > 0 ? 1 : 0;
    }
}
