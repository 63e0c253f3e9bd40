package org.clusterdynamics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.files.AtomicFiles;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.xmile.XmileWriter;
import org.clusterdynamics.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn convert} command: writes a model (a Vensim .mdl) as an XMILE 1.0 file. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts a model (.mdl, or .xmile/.stmx/.itmx) to XMILE 1.0, which this engine and Stella"
                + " read; the converted model gives the same results. Warnings name what only cdyn reads back.",
        footerHeading = "%nExamples:%n",
        footer = {"  cdyn convert teacup.mdl --to xmile --output teacup.xmile",
            "  cdyn convert world3.mdl --to xmile > world3.xmile"})
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path modelFile;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "The format to write: xmile.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The file to write (replaced as a whole, never left half-written); standard output when"
                    + " omitted.")
    Path output;

    @Option(names = "--data-root", paramLabel = "DIR", description = "A folder whose files the model's GET XLS / GET"
            + " DIRECT functions may read, besides the model's own folder (repeatable).")
    List<Path> dataRoots = List.of();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!to.strip().toLowerCase(Locale.ROOT).equals("xmile")) {
            err.println("--to " + to + ": cdyn writes only XMILE; use --to xmile");
            return 2;
        }
        if (!InputFiles.checkNotAnInput(err, List.of(modelFile), output, "the XMILE")) {
            return 2;
        }
        try {
            Model model = ModelFiles.read(modelFile, List.of(), InputFiles.dataRoots(modelFile, dataRoots));
            Diagnostics notes = new Diagnostics();
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(XmileWriter.write(model, notes));
                out.flush();
            } else {
                XmileWriter.write(model, output, notes);
            }
            for (Diagnostic d : notes) {
                err.println(d);
            }
            if (output != null) {
                var plan = AtomicFiles.plan(output);
                err.println(plan.note() != null ? plan.note() : "wrote " + output);
            }

            err.flush();
            return 0;
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + Reporting.ioReason(e));
            err.flush();
            return 1;
        }
    }
}
