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
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
