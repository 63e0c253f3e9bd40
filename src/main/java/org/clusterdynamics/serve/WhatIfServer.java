package org.clusterdynamics.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.scenario.RunSeries;
import org.clusterdynamics.scenario.ScenarioModel;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The what-if page's web server: one page, its own scripts and styles, the chart library from its
 * WebJar, and a small JSON API over one model. Nothing else is served: there is no route that
 * takes a file name, and every asset is a fixed resource inside the jar.
 */
public final class WhatIfServer implements AutoCloseable {
    /** Fixed routes to resources in the jar, with their content types. */
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"page/index.html", "text/html; charset=utf-8"},
            "/assets/app.js", new String[] {"page/app.js", "text/javascript; charset=utf-8"},
            "/assets/charts.js", new String[] {"page/charts.js", "text/javascript; charset=utf-8"},
            "/assets/style.css", new String[] {"page/style.css", "text/css; charset=utf-8"},
            "/assets/echarts.min.js", new String[] {"/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js",
                    "text/javascript; charset=utf-8"});
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;
    private final RunService runs;
    private final MonteCarloJobs monteCarlo;
    private final Controls controls;
    private final Limits limits;
    private final Map<String, Object> modelJson;
    private final boolean loopbackOnly;

    private WhatIfServer(ScenarioModel model, Map<String, double[]> ranges, Layout layout, String title,
                         Limits limits, String host, int port) {
        this.limits = limits;
        this.controls = new Controls(model, ranges, layout);
        this.runs = new RunService(model, limits);
        this.monteCarlo = new MonteCarloJobs(model, controls, runs, limits);
        this.modelJson = modelJson(model, layout, title);
        this.loopbackOnly = isLoopback(host);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = limits.maxRequestBytes();
            QueuedThreadPool pool = new QueuedThreadPool(16, 2);
            pool.setName("cdyn-serve");
            pool.setDaemon(true);
            cfg.jetty.threadPool = pool;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
        });
        app.before(this::guard);
        ASSETS.forEach((path, asset) -> app.get(path, ctx -> asset(ctx, asset[0], asset[1])));
        app.get("/api/model", ctx -> ctx.json(modelJson));
        app.post("/api/run", this::run);
        app.post("/api/montecarlo", this::startMonteCarlo);
        app.get("/api/montecarlo/{id}", ctx -> ctx.json(monteCarlo.job(ctx.pathParam("id")).json()));
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 404
                ? "nothing here: the page is at / and the API under /api/" : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, Messages.of(e)));
        app.error(404, ctx -> {
            if (ctx.resultInputStream() == null) { // not an API answer that is a 404 with its own message
                error(ctx, 404, "nothing here: the page is at / and the API under /api/");
            }
        });
        app.error(405, ctx -> error(ctx, 405, "this method is not allowed here"));
        app.error(413, ctx -> error(ctx, 413, "the request is larger than " + limits.maxRequestBytes() / 1024
                + " KB"));
        app.start(host, port);
    }

    /**
     * Starts a server for the model on host:port (port 0 picks a free one).
     *
     * @param ranges slider ranges the model file gives (canonical name to {min, max, step})
     * @param title the model's name for the page
     */
    public static WhatIfServer start(ScenarioModel model, Map<String, double[]> ranges, Layout layout,
                                     String title, Limits limits, String host, int port) {
        return new WhatIfServer(model, ranges, layout, title, limits, host, port);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    public Controls controls() {
        return controls;
    }

    /** The runs, for tests that hold its slots. */
    RunService runs() {
        return runs;
    }

    @Override
    public void close() {
        monteCarlo.close();
        app.stop();
    }

    // ------------------------------------------------------------------ handlers

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:;"
                + " style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'");
        if (loopbackOnly) {
            // a page on another site cannot reach a local server through a name it controls
            String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
            String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                    : host.replaceFirst(":\\d+$", "");
            if (!LOCAL_NAMES.contains(name)) {
                throw new ApiException(403, "this server answers only requests addressed to localhost");
            }
        }
    }

    private void asset(Context ctx, String resource, String type) {
        try (InputStream in = WhatIfServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ApiException(500, "the page's file " + resource + " is missing from the jar; rebuild cdyn");
            }
            ctx.contentType(type);
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(Context ctx) {
        JsonNode body = body(ctx);
        Map<String, Double> set = settings(body);
        List<String> outputs = outputs(body);
        long t0 = System.nanoTime();
        RunSeries r = runs.run(set, outputs);
        ctx.json(RunService.json(r, outputs, (System.nanoTime() - t0) / 1000));
    }

    private void startMonteCarlo(Context ctx) {
        JsonNode body = body(ctx);
        Map<String, Double> set = settings(body);
        List<String> outputs = outputs(body);
        List<String> vary = new ArrayList<>();
        JsonNode v = body.path("vary");
        if (!v.isMissingNode() && !v.isArray()) {
            throw new ApiException(400, "'vary' must be a list of constant names");
        }
        v.forEach(n -> vary.add(n.asText()));
        int count = body.path("runs").asInt(200);
        double spread = body.path("spread").asDouble(0.2);
        long seed = body.path("seed").asLong(1);
        ctx.status(202).json(monteCarlo.start(set, outputs, vary, count, spread, seed).json());
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new ApiException(400, "the request body must be a JSON object such as"
                        + " {\"set\": {\"Import Duty\": 0.2}, \"outputs\": [\"Firms\"]}");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The constants to set, each checked as cdyn run checks --set and against its control's range. */
    private Map<String, Double> settings(JsonNode body) {
        JsonNode set = body.path("set");
        Map<String, Double> out = new LinkedHashMap<>();
        if (set.isMissingNode() || set.isNull()) {
            return out;
        }
        if (!set.isObject()) {
            throw new ApiException(400, "'set' must map constant names to numbers, e.g. {\"Import Duty\": 0.2}");
        }
        List<String> problems = new ArrayList<>();
        set.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                problems.add("'" + e.getKey() + "': the value must be a number, not " + e.getValue());
                return;
            }
            String p = controls.problem(e.getKey(), e.getValue().asDouble());
            if (p != null) {
                problems.add(p);
            } else {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(400, String.join("; ", problems));
        }
        return out;
    }

    private List<String> outputs(JsonNode body) {
        JsonNode o = body.path("outputs");
        if (!o.isArray() || o.isEmpty()) {
            throw new ApiException(400, "'outputs' must list the variables to return, e.g. [\"Firms\"]");
        }
        if (o.size() > limits.maxOutputs()) {
            throw new ApiException(400, "at most " + limits.maxOutputs() + " outputs per request, not " + o.size());
        }
        List<String> out = new ArrayList<>();
        o.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        ctx.status(status).json(m);
    }

    // ------------------------------------------------------------------ model description

    private Map<String, Object> modelJson(ScenarioModel model, Layout layout, String title) {
        SimSpecs specs = model.compiled().specs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("start", specs.start());
        time.put("stop", specs.stop());
        time.put("units", specs.timeUnits() == null ? "" : specs.timeUnits());
        m.put("time", time);
        m.put("levers", controls.levers());
        m.put("switchFamilies", controls.families());
        m.put("startYears", controls.startYears());
        m.put("constants", controls.otherConstants());
        m.put("variables", controls.outputs());
        List<Layout.Chart> charts = new ArrayList<>();
        for (Layout.Chart c : layout.charts()) {
            List<String> known = c.outputs().stream().filter(n -> model.compiled().slotOf(n) >= 0).toList();
            if (!known.isEmpty()) {
                charts.add(new Layout.Chart(c.title(), known));
            }
        }
        if (charts.isEmpty() && !controls.outputs().isEmpty()) {
            charts.add(new Layout.Chart("", List.of(firstStock())));
        }
        m.put("charts", charts);
        double year = layout.tableYear();
        m.put("tableYear", Double.isFinite(year) && year >= specs.start() && year <= specs.stop() ? year : specs.stop());
        Map<String, Object> lim = new LinkedHashMap<>();
        lim.put("maxOutputs", limits.maxOutputs());
        lim.put("maxMonteCarloRuns", limits.maxMonteCarloRuns());
        m.put("limits", lim);
        return m;
    }

    private String firstStock() {
        return controls.outputs().stream().filter(o -> o.kind().equals("stock")).findFirst()
                .orElse(controls.outputs().get(0)).name();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
