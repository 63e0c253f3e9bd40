package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/scripting.md documents every function of the API, and its examples run as one script. */
class ScriptingDocsTest extends ScriptTestSupport {
    private static final Path DOC = Path.of("docs/scripting.md");
    /** How the documentation names an object of each type in its examples. */
    private static final Map<String, String> PREFIX = Map.of("cdyn", "cdyn", "Model", "model", "Scenario", "scenario",
            "Run", "run", "Table", "table", "Sweep", "sweep", "MonteCarlo", "mc", "Attribution", "attribution",
            "Chart", "chart", "Loops", "loops");

    private static String examples(String doc) {
        Matcher m = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theExamplesRunAsOneScriptAndWriteWhatTheySay() throws Exception {
        String code = examples(Files.readString(DOC));
        assertTrue(code.split("\n").length > 100, "the examples were found");
        Path script = dir.resolve("doc-examples.js");
        Files.writeString(script, code);
        Ran r = runFile(script, dir.resolve("out"), Duration.ofMinutes(5), 2);
        assertEquals(0, r.exit(), () -> "a documented example fails:\n" + r.err());
        for (String f : List.of("baseline.csv", "comparison.csv", "summary.csv", "notes/summary.json", "sweep.csv",
                "percentiles.csv", "mc-runs.csv", "attribution.csv", "charts/products.png", "charts/products.svg",
                "charts/fan.png", "charts/sweep.png", "charts/attribution.png", "report.pdf")) {
            assertTrue(Files.size(r.file(f)) > 0, f);
        }
    }

    @Test
    void everyFunctionOfEveryObjectIsDocumented() throws Exception {
        Ran r = run("""
                const m = cdyn.load('mini-cluster.xmile');
                const b = m.baseline();
                const run = b.run();
                const objs = {cdyn: cdyn, Model: m, Scenario: b, Run: run, Table: run.table(),
                    Sweep: m.sweep({parameters: {'Copying Lag': [1, 2]}, outputs: ['Firms']}),
                    MonteCarlo: m.monteCarlo({runs: 2, outputs: ['Firms']}),
                    Attribution: m.attribution({mechanisms: ['Switch Spinoffs'], outputs: ['Firms']}),
                    Chart: cdyn.chart(run, 'Firms'), Loops: m.loops()};
                for (const [type, o] of Object.entries(objs)) {
                    print('members=' + type + ':' + Object.keys(o).join(','));
                }
                """);
        assertEquals(0, r.exit(), r.err());
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (String line : r.out().split("\n")) {
            if (!line.startsWith("members=")) {
                continue;
            }
            String[] tm = line.substring(8).split(":");
            String prefix = PREFIX.get(tm[0]);
            for (String member : tm[1].split(",")) {
                count++;
                if (!doc.contains("`" + prefix + "." + member + "(") && !doc.contains("`" + prefix + "." + member + "`")) {
                    missing.add(prefix + "." + member);
                }
            }
        }
        assertTrue(count > 70, "members found: " + count);
        assertEquals(List.of(), missing, "functions without documentation in docs/scripting.md");
    }
}
