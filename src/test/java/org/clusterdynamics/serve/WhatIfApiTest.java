package org.clusterdynamics.serve;

import static org.clusterdynamics.serve.ServeFixture.CLUSTERS;
import static org.clusterdynamics.serve.ServeFixture.doubles;
import static org.clusterdynamics.serve.ServeFixture.get;
import static org.clusterdynamics.serve.ServeFixture.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clusterdynamics.compile.ModelCompiler;
import org.clusterdynamics.io.ModelFiles;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The what-if server's JSON API against the cluster model, on a free port. */
class WhatIfApiTest {
    private static WhatIfServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = ServeFixture.start(CLUSTERS, Limits.defaults().withConcurrency(2, 10_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theModelDescriptionHasTheClusterModelsLeversSwitchFamiliesStartYearsAndCharts() throws Exception {
        ServeFixture.Answer a = get(server, "/api/model");
        assertEquals(200, a.status());
        JsonNode m = a.json();
        assertEquals(1955, m.at("/time/start").asDouble());
        assertTrue(names(m.get("levers")).contains("Import Duty"));
        assertEquals(5, m.get("switchFamilies").size(), "the four Table 2 cells and the negative effects");
        int switches = 0;
        for (JsonNode f : m.get("switchFamilies")) {
            switches += f.get("switches").size();
        }
        assertEquals(14, switches, "twelve Table 2 cells and two negative effects");
        assertTrue(names(m.get("startYears")).contains("CFC Programme Start"));
        assertTrue(names(m.get("variables")).contains("Firms"));
        assertEquals("Products Mastered", m.at("/charts/0/outputs/0").asText());
    }

    @Test
    void aRunGivesTheSameSeriesAsCdynRunWithTheSameSetting() throws Exception {
        ServeFixture.Answer a = post(server, "/api/run",
                "{\"set\": {\"Import Duty\": 0.2, \"Switch IIIc\": 0}, \"outputs\": [\"Firms\", \"Products Mastered\"]}");
        assertEquals(200, a.status(), a.body());
        // what cdyn run does with --set (WhatIfPageTest compares with the command itself)
        Results cli = Simulator.run(ModelCompiler.compile(ModelFiles.read(CLUSTERS)), RunOptions.defaults()
                .withConstant("Import Duty", 0.2).withConstant("Switch IIIc", 0));
        assertArrayEquals(cli.times(), doubles(a.json().get("time")));
        assertArrayEquals(cli.column("Firms"), doubles(a.json().at("/series/Firms")));
        assertArrayEquals(cli.column("Products Mastered"), doubles(a.json().at("/series/Products Mastered")));
    }

    @Test
    void invalidRequestsAreRefusedWithAMessageAndNoTrace() throws Exception {
        assertRefused(400, "Did you mean 'Import Duty'", post(server, "/api/run",
                "{\"set\": {\"Import Dutty\": 0.2}, \"outputs\": [\"Firms\"]}"));
        assertRefused(400, "outside its range 0 .. 0.6", post(server, "/api/run",
                "{\"set\": {\"Import Duty\": 0.9}, \"outputs\": [\"Firms\"]}"));
        assertRefused(400, "give 0 (off) or 1 (on)", post(server, "/api/run",
                "{\"set\": {\"Switch Ia\": 0.5}, \"outputs\": [\"Firms\"]}"));
        assertRefused(400, "must be a number", post(server, "/api/run",
                "{\"set\": {\"Import Duty\": \"high\"}, \"outputs\": [\"Firms\"]}"));
        assertRefused(400, "Did you mean 'Firms'", post(server, "/api/run", "{\"outputs\": [\"Firmz\"]}"));
        assertRefused(400, "'outputs' must list", post(server, "/api/run", "{\"set\": {}}"));
        assertRefused(400, "not valid JSON", post(server, "/api/run", "{\"set\": "));
        assertRefused(413, "larger than 64 KB", post(server, "/api/run", "{\"outputs\": [\"" + "x".repeat(70_000)
                + "\"]}"));
        assertRefused(400, "may not contain '..'", get(server, "/assets/../../etc/passwd"));
        assertRefused(404, "nothing here", get(server, "/assets/%2e%2e/pom.xml"));
        assertRefused(404, "nothing here", get(server, "/models/punjab-clusters.xmile"));
        assertRefused(404, "no Monte Carlo batch", get(server, "/api/montecarlo/nope"));
        assertRefused(403, "localhost", ServeFixture.getWithHost(server, "/api/model", "attacker.example:80"));
        assertEquals(200, ServeFixture.getWithHost(server, "/api/model", "localhost:" + server.port()).status());
    }

    @Test
    void concurrentRequestsAllGetTheirOwnRightAnswer() throws Exception {
        double[] duties = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.05};
        ExecutorService pool = Executors.newFixedThreadPool(duties.length);
        try {
            List<Future<ServeFixture.Answer>> answers = new ArrayList<>();
            for (double d : duties) {
                answers.add(pool.submit(() -> post(server, "/api/run",
                        "{\"set\": {\"Import Duty\": " + d + "}, \"outputs\": [\"Firms\"]}")));
            }
            for (int i = 0; i < duties.length; i++) {
                ServeFixture.Answer a = answers.get(i).get();
                assertEquals(200, a.status(), a.body());
                ServeFixture.Answer alone = post(server, "/api/run",
                        "{\"set\": {\"Import Duty\": " + duties[i] + "}, \"outputs\": [\"Firms\"]}");
                assertArrayEquals(doubles(alone.json().at("/series/Firms")), doubles(a.json().at("/series/Firms")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestFindingEveryRunSlotTakenIsToldTheServerIsBusy() throws Exception {
        try (WhatIfServer one = ServeFixture.start(longModel(),
                Limits.defaults().withConcurrency(1, 0).withRunMillis(200))) {
            one.runs().acquire();
            try {
                assertRefused(503, "busy", post(one, "/api/run", "{\"outputs\": [\"S\"]}"));
            } finally {
                one.runs().release();
            }
            assertRefused(408, "longer than", post(one, "/api/run", "{\"outputs\": [\"S\"]}"),
                    "once the slot is free the run starts (and meets the time limit)");
        }
    }

    @Test
    void aRunPastTheTimeLimitIsStoppedAndModelRangesAreChecked() throws Exception {
        try (WhatIfServer slow = ServeFixture.start(longModel(), Limits.defaults().withRunMillis(300))) {
            JsonNode m = get(slow, "/api/model").json();
            assertEquals("MODEL", m.at("/levers/0/range").asText(), "the XMILE <range> makes Rate a lever");
            assertRefused(400, "outside its range 0 .. 2 (the model's range)", post(slow, "/api/run",
                    "{\"set\": {\"Rate\": 3}, \"outputs\": [\"S\"]}"));
            assertRefused(408, "longer than the server's limit of 300 ms", post(slow, "/api/run",
                    "{\"set\": {\"Rate\": 2}, \"outputs\": [\"S\"]}"));
        }
    }

    @Test
    void aVensimModelsRangesMakeLeversAndSwitches() throws Exception {
        Path mdl = dir.resolve("teacup.mdl");
        Files.writeString(mdl, """
                {UTF-8}
                Teacup Temperature = INTEG(-Heat Loss, 180) ~ Degrees ~ |
                Heat Loss = Open Window * 2 + (Teacup Temperature - Room Temperature) / 10 ~ Degrees/Minute ~ |
                Room Temperature = 70 ~ Degrees [32, 212, 2] ~ The room. |
                Open Window = 0 ~ dmnl [0, 1, 1] ~ 1 = the window is open. |
                INITIAL TIME = 0 ~ Minute ~ |
                FINAL TIME = 30 ~ Minute ~ |
                TIME STEP = 0.125 ~ Minute ~ |
                SAVEPER = 1 ~ Minute ~ |
                """);
        try (WhatIfServer teacup = ServeFixture.start(mdl, Limits.defaults())) {
            JsonNode m = get(teacup, "/api/model").json();
            assertEquals(List.of("Room Temperature"), names(m.get("levers")));
            assertEquals(212, m.at("/levers/0/max").asDouble());
            assertEquals(2, m.at("/levers/0/step").asDouble());
            assertEquals("Open Window", m.at("/switchFamilies/0/switches/0/name").asText());
            assertRefused(400, "32 .. 212 (the model's range)", post(teacup, "/api/run",
                    "{\"set\": {\"Room Temperature\": 300}, \"outputs\": [\"Teacup Temperature\"]}"));
            ServeFixture.Answer a = post(teacup, "/api/run",
                    "{\"set\": {\"Open Window\": 1}, \"outputs\": [\"Teacup Temperature\"]}");
            assertEquals(31, a.json().at("/series/Teacup Temperature").size());
        }
    }

    /** A model of a billion steps, which no time limit lets finish; Rate has an XMILE range. */
    private Path longModel() throws Exception {
        Path model = dir.resolve("long.xmile");
        Files.writeString(model, """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><name>long</name></header>
                  <sim_specs method="Euler" time_units="day">
                    <start>0</start><stop>1e9</stop><dt>1</dt><save_step>1e8</save_step>
                  </sim_specs>
                  <model><variables>
                    <stock name="S"><eqn>0</eqn><inflow>F</inflow></stock>
                    <flow name="F"><eqn>Rate</eqn></flow>
                    <aux name="Rate"><eqn>1</eqn><range min="0" max="2"/></aux>
                  </variables></model>
                </xmile>
                """);
        return model;
    }

    @Test
    void aMonteCarloBatchReportsProgressAndOrderedPercentileBands() throws Exception {
        ServeFixture.Answer started = post(server, "/api/montecarlo", "{\"outputs\": [\"Firms\"], \"runs\": 6,"
                + " \"spread\": 0.3, \"vary\": [\"Import Duty\", \"CFC Effort Saving\"]}");
        assertEquals(202, started.status(), started.body());
        JsonNode job = started.json();
        for (int i = 0; i < 600 && job.get("state").asText().equals("running"); i++) {
            Thread.sleep(100);
            job = get(server, "/api/montecarlo/" + job.get("id").asText()).json();
        }
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(6, job.get("done").asInt());
        JsonNode bands = job.at("/result/series/Firms");
        assertEquals(5, bands.size(), "5, 25, 50, 75 and 95th percentiles");
        double[] p5 = doubles(bands.get(0));
        double[] p95 = doubles(bands.get(4));
        for (int r = 0; r < p5.length; r++) {
            assertTrue(p5[r] <= p95[r]);
        }
        assertTrue(p95[p95.length - 1] > p5[p5.length - 1], "the varied levers spread the final number of firms");
        assertRefused(400, "Did you mean 'Import Duty'", post(server, "/api/montecarlo",
                "{\"outputs\": [\"Firms\"], \"vary\": [\"Import Dutty\"]}"));
        assertRefused(400, "is a switch", post(server, "/api/montecarlo",
                "{\"outputs\": [\"Firms\"], \"vary\": [\"Switch Ia\"]}"));
    }

    private static void assertRefused(int status, String text, ServeFixture.Answer a, String why) {
        assertEquals(status, a.status(), why + ": " + a.body());
        assertRefused(status, text, a);
    }

    private static void assertRefused(int status, String text, ServeFixture.Answer a) {
        assertEquals(status, a.status(), a.body());
        String error = a.json() == null ? "" : a.json().path("error").asText();
        assertTrue(error.contains(text), "expected '" + text + "' in: " + a.body());
        assertFalse(a.body().contains("Exception") || a.body().contains("\tat ") || a.body().contains("/work/"),
                "no trace, exception class or server path: " + a.body());
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
