package org.clusterdynamics.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterdynamics.cli.Main;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.io.ModelRanges;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.scenario.ScenarioModel;

/** Starts what-if servers for tests and talks to them; also runs `cdyn run` to compare with. */
final class ServeFixture {
    static final Path CLUSTERS = Path.of("models", "punjab-clusters.xmile");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServeFixture() {}

    static WhatIfServer start(Path model, Limits limits) {
        Model m = ModelFiles.read(model);
        String base = model.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return WhatIfServer.start(new ScenarioModel(m), ModelRanges.read(model), Layout.shippedFor(base), m.name(),
                limits, "127.0.0.1", 0);
    }

    record Answer(int status, JsonNode json, String body) {}

    static Answer get(WhatIfServer s, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(s, path)).GET().build());
    }

    static Answer post(WhatIfServer s, String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(s, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Answer send(HttpRequest r) throws IOException, InterruptedException {
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = JSON.readTree(res.body());
        } catch (IOException notJson) {
            // assets are not JSON
        }
        return new Answer(res.statusCode(), json, res.body());
    }

    /** A GET with a Host header of our choosing (the JDK's client does not let one set it). */
    static Answer getWithHost(WhatIfServer s, String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            String body = all.substring(all.indexOf("\r\n\r\n") + 4);
            JsonNode json = null;
            try {
                json = JSON.readTree(body);
            } catch (IOException notJson) {
                // left null
            }
            return new Answer(status, json, body);
        }
    }

    static URI uri(WhatIfServer s, String path) {
        return URI.create("http://localhost:" + s.port() + path);
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** The columns of `cdyn run MODEL --set ...` for the named variables (and Time). */
    static Map<String, double[]> cdynRun(Path model, Path dir, List<String> sets, List<String> columns)
            throws IOException {
        Path out = dir.resolve("run-" + System.nanoTime() + ".csv");
        List<String> args = new ArrayList<>(List.of("run", model.toString(), "--output", out.toString()));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        int code = Main.commandLine().execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("cdyn run failed with exit code " + code);
        }
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(out)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(r).getRecords();
            for (String c : columns) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(rows.get(i).get(c));
                }
                m.put(c, v);
            }
        }
        return m;
    }
}
