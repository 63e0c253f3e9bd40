package org.clusterdynamics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the cdyn command line; each subcommand is its own class. */
@Command(
        name = "cdyn",
        mixinStandardHelpOptions = true,
        version = "cdyn 0.1.0",
        description = "ClusterDynamics: run, check, chart and script system-dynamics models.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage with every subcommand, as a usage error (exit 2, as picocli's own). */
    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("cdyn: say what to do: one of the commands below");
        spec.commandLine().usage(err);
        err.flush();
        return 2;
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // subcommands are added here, one line each
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new ChartCommand());
        cl.addSubcommand(new ScriptCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new ConvertCommand());
        cl.addSubcommand(new LoopsCommand());
        cl.addSubcommand(new DiagramCommand());
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new CalibrateCommand());
        cl.addSubcommand(new SensitivityCommand());
        // every message passes through one writer that shortens names of thousands of characters
        cl.setErr(new java.io.PrintWriter(new ShortLines(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8)), true));
        return cl;
    }

    public static void main(String[] args) {
        int exit;
        // standard output through a writer that remembers failed writes (a full disk, a closed pipe)
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8)));
        CommandLine cl = commandLine();
        cl.setOut(out);
        exit = execute(cl, args);
        if (out.checkError()) {
            System.err.println("cdyn: could not write everything to standard output (the disk is full, or the"
                    + " reading end was closed); write to a file with --output instead");
            exit = exit == 0 ? 1 : exit;
        }
        System.exit(exit);
    }

    /**
     * Runs one command line as {@code main} does, the last-resort messages for a heap or stack too
     * small included (tests and the fuzzing harness call this).
     */
    public static int execute(CommandLine cl, String... args) {
        int exit;
        try {
            exit = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the last resort for inputs too big for this JVM's heap: say so instead of a trace
            cl.getErr().println("cdyn: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB of heap):"
                    + " the model, run or script needs more; give Java more with java -Xmx<size> -jar cdyn.jar, or"
                    + " make the run smaller (fewer array elements, a longer save step, fewer outputs kept)");
            exit = 1;
        } catch (StackOverflowError e) {
            cl.getErr().println("cdyn: the model is nested too deeply to process (stack overflow): split long"
                    + " equations or deep chains of variables into several variables, or run java -Xss16m -jar cdyn.jar");
            exit = 1;
        }
        cl.getErr().flush();
        return exit;
    }
}
