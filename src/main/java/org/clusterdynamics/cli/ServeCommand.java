package org.clusterdynamics.cli;

import java.awt.Desktop;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.ModelRanges;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.serve.Layout;
import org.clusterdynamics.serve.Limits;
import org.clusterdynamics.serve.WhatIfServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code cdyn serve} command: the what-if page of one model on a local web server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Opens a what-if page for a model: sliders for its levers, toggles for its switches, start"
                + " years of its policies and live charts, served on this computer until Ctrl-C.",
        footer = {"", "Examples:", "  cdyn serve models/punjab-clusters.xmile --open",
                "  cdyn serve model.mdl --port 9000"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.xmile, .stmx, .itmx or .mdl).")
    Path modelFile;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a"
            + " free one).", defaultValue = "8765")
    int port;

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default ${DEFAULT-VALUE}, this"
            + " computer only). Another address shares the page and its runs with the network.",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Longest time one run may take"
            + " (default ${DEFAULT-VALUE}).", defaultValue = "10")
    double timeLimit;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("--port " + port + " is not a port number; give 1..65535, or 0 for a free one");
            return 2;
        }
        if (!(timeLimit > 0 && timeLimit <= 3600)) {
            err.println("--time-limit must be a number of seconds above 0 and at most 3600");
            return 2;
        }
        boolean local;
        try {
            local = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            err.println("--host '" + host + "' is not an address of this computer; give an IP address such as"
                    + " 127.0.0.1 or 0.0.0.0");
            return 2;
        }
        ScenarioModel sm;
        String title;
        Layout layout;
        try {
            Model model = ModelFiles.read(modelFile);
            sm = new ScenarioModel(model);
            String base = modelFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            title = model.name() == null || model.name().isBlank() ? base : model.name();
            layout = Layout.shippedFor(base);
        } catch (ModelException e) {
            return Reporting.fail(e, err);
        }
        WhatIfServer server;
        try {
            Limits limits = Limits.defaults().withRunMillis(Math.round(timeLimit * 1000));
            server = WhatIfServer.start(sm, ModelRanges.read(modelFile), layout, title, limits, host, port);
        } catch (RuntimeException e) {
            // Jetty's bind failure: the address is in use or not this computer's
            err.println("cannot listen on " + host + ":" + port + ": the port may be in use or the address not this"
                    + " computer's; give another with --port (0 picks a free one) or --host");
            return 1;
        }
        boolean anyAddress = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String url = "http://" + (local || anyAddress ? "localhost" : host) + ":" + server.port() + "/";
        if (!local) {
            err.println("warning: listening on " + host + ": anyone who can reach this computer on port "
                    + server.port() + " can open the page and run the model; use the default (127.0.0.1) to keep it"
                    + " to this computer");
        }
        out.println("What-if page of " + modelFile.getFileName() + " at " + url + (anyAddress
                ? " (from other computers: this computer's address, port " + server.port() + ")" : "")
                + " (Ctrl-C stops it)");
        out.flush();
        err.flush();
        if (open) {
            openBrowser(url, err);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cdyn-serve-stop"));
        stopped.await();
        return 0;
    }

    private static void openBrowser(String url, PrintWriter err) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true).start();
        } catch (Exception e) {
            err.println("could not open a browser here; open " + url + " yourself");
            err.flush();
        }
    }
}
