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
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
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
        cl.addSubcommand(new CalibrateCommand());
        cl.addSubcommand(new SensitivityCommand());
        return cl;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // the last resort for inputs too big for this JVM's heap: say so instead of a trace
            System.err.println("cdyn: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB of heap):"
                    + " the model, run or script needs more; give Java more with java -Xmx<size> -jar cdyn.jar, or"
                    + " make the run smaller (fewer array elements, a longer save step, fewer outputs kept)");
            exit = 1;
        } catch (StackOverflowError e) {
            System.err.println("cdyn: the model is nested too deeply to process (stack overflow): split long"
                    + " equations or deep chains of macros into several variables, or run java -Xss16m -jar cdyn.jar");
            exit = 1;
        }
        System.exit(exit);
    }
}
