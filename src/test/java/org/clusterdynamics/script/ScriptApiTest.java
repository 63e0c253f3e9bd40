package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.scenario.Change;
import org.clusterdynamics.scenario.Scenario;
import org.clusterdynamics.scenario.ScenarioModel;
import org.clusterdynamics.sim.Results;
import org.junit.jupiter.api.Test;

/** Each function of the scripting API, called from a script, with its result checked. */
class ScriptApiTest extends ScriptTestSupport {
    private static final String LOAD = "const m = cdyn.load('mini-cluster.xmile');\n";

    private ScenarioModel java() throws Exception {
        return new ScenarioModel(XmileReader.read(model()));
    }

    private static void ok(Ran r) {
        assertEquals(0, r.exit(), () -> "the script failed:\n" + r.err() + r.out());
    }

    @Test
    void loadDescribesTheModelAndItsVariables() throws Exception {
        Ran r = run(LOAD + """
                print('name=' + m.name);
                print('file=' + m.file);
                print('count=' + m.variables().length);
                const lag = m.variable('copying_lag');
                print('lag=' + [lag.name, lag.kind, lag.units, lag.value, lag.line > 0].join('|'));
                print('doc=' + lag.documentation);
                print('constants=' + m.constants('lag').map(v => v.name).join(','));
                print('switches=' + m.variables('switch').length);
                print('stock=' + m.variable('Firms').kind + ' ' + m.variable('Firms').equation);
                print('time=' + JSON.stringify(m.time()));
                """);
        ok(r);
        assertEquals("mini cluster", r.line("name"));
        assertEquals("mini-cluster.xmile", r.line("file"));
        assertEquals(25.0, r.value("count"));
        assertEquals("Copying Lag|constant|years|1|true", r.line("lag"));
        assertEquals("Mean time from launch until rivals copy a product.", r.line("doc"));
        assertEquals("Copying Lag", r.line("constants"));
        assertEquals(1.0, r.value("switches"));
        assertEquals("stock 30", r.line("stock"));
        assertEquals("{\"start\":1955,\"stop\":2000,\"dt\":0.25,\"saveStep\":1,\"method\":\"euler\",\"units\":\"years\"}",
                r.line("time"));
    }

    @Test
    void loadOfAMissingModelSaysWhereItLooked() throws Exception {
        Ran r = run("const m = cdyn.load('nowhere.xmile');");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:1") && r.err().contains("'nowhere.xmile' not found"), r.err());
    }

    @Test
    void vensimModelsLoadAndTakeChangesInVensimSyntax() throws Exception {
        Files.writeString(dir.resolve("teacup.mdl"), """
                {UTF-8}
                Characteristic Time = 10 ~ Minutes ~ |
                Heat Loss to Room = (Teacup Temperature - Room Temperature) / Characteristic Time ~ Degrees/Minute ~ |
                Room Temperature = 70 ~ Degrees ~ The room around the cup. |
                Teacup Temperature = INTEG(-Heat Loss to Room, 180) ~ Degrees ~ |
                FINAL TIME = 30 ~ Minute ~ |
                INITIAL TIME = 0 ~ Minute ~ |
                SAVEPER = 1 ~ Minute ~ |
                TIME STEP = 0.125 ~ Minute ~ |
                """);
        Ran r = run("""
                const m = cdyn.load('teacup.mdl');
                print('room=' + m.variable('room temperature').documentation);
                const warm = m.baseline().derive('warm').from(10, {'Room Temperature': 30}).run();
                print('from=' + warm.at('Room Temperature', 9) + ',' + warm.at('Room Temperature', 11));
                const eq = m.baseline().equation('Room Temperature', 'IF THEN ELSE(Time > 20, 50, 70)').run();
                print('eq=' + eq.at('Room Temperature', 20) + ',' + eq.at('Room Temperature', 21));
                print('cools=' + (m.run().finalValue('Teacup Temperature') < 90));
                """);
        ok(r);
        assertEquals("The room around the cup.", r.line("room"));
        assertEquals("70,30", r.line("from"));
        assertEquals("70,50", r.line("eq"));
        assertEquals("true", r.line("cools"));
    }

    @Test
    void setChangesTheRunAndLeavesTheBaseAlone() throws Exception {
        Ran r = run(LOAD + """
                const base = m.baseline();
                const long = base.derive('long lag').set('Copying Lag', 3);
                const both = base.derive('both').set({'Copying Lag': 3, 'Spinoff Rate': 0.2});
                print('base=' + base.run().finalValue('Exclusive Products'));
                print('long=' + long.run().finalValue('Exclusive Products'));
                print('both=' + both.run().finalValue('Spinoff Rate'));
                print('baseAgain=' + base.run().finalValue('Copying Lag'));
                print('changes=' + both.changes().join('; '));
                print('names=' + base.name + ',' + long.name);
                """);
        ok(r);
        ScenarioModel sm = java();
        double expected = sm.run(Scenario.of("x").with(new Change.SetValue("Copying Lag", 3)))
                .finalValue("Exclusive Products");
        assertEquals(expected, r.value("long"), 1e-12);
        assertTrue(r.value("long") > 1.5 * r.value("base"));
        assertEquals(0.2, r.value("both"));
        assertEquals(1.0, r.value("baseAgain"));
        assertEquals("Copying Lag = 3; Spinoff Rate = 0.2", r.line("changes"));
        assertEquals("baseline,long lag", r.line("names"));
    }

    @Test
    void timeVaryingChangesFollowTheirExpressionOrTable() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const eq = b.equation('CFC Active', 'STEP(1, 1980)').run();
                print('eq=' + eq.at('CFC Active', 1979) + ',' + eq.at('CFC Active', 1981));
                const spaced = b.equation('Copying Lag', '2 * Rent Half').run();
                print('spaced=' + spaced.finalValue('Copying Lag'));
                const lin = b.table('Copying Lag', [[1955, 1], [1980, 3]]).run();
                print('lin=' + lin.at('Copying Lag', 1967.5) + ',' + lin.finalValue('Copying Lag'));
                const step = b.table('Copying Lag', [1955, 1980], [1, 3], {step: true}).run();
                print('step=' + step.at('Copying Lag', 1979) + ',' + step.at('Copying Lag', 1980));
                const from = b.from(1975, {'CFC Active': 1});
                print('from=' + from.run().at('CFC Active', 1974) + ',' + from.run().at('CFC Active', 1976));
                print('fromChanges=' + from.changes().join('; '));
                """);
        ok(r);
        assertEquals("0,1", r.line("eq"));
        assertEquals(1.5, r.value("spaced"), 1e-12);
        assertEquals("2,3", r.line("lin"));
        assertEquals("1,3", r.line("step"));
        assertEquals("0,1", r.line("from"));
        assertEquals("CFC Active = 1 from 1975", r.line("fromChanges"));
    }

    @Test
    void switchesTimeSettingsAndSpecObjects() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const off = b.off('Switch Spinoffs');
                print('firms=' + b.run().finalValue('Firms') + ',' + off.run().finalValue('Firms') + ','
                    + off.on(['Switch Spinoffs']).run().finalValue('Firms'));
                const short = b.time({stop: 1980, saveStep: 0.5, method: 'rk4'}).run();
                const t = short.times();
                print('time=' + t.length + ',' + t[t.length - 1] + ',' + t[1]);
                const s = m.scenario('spec', {set: {'Spinoff Rate': 0.2}, off: ['Switch Spinoffs'],
                    from: {'1990': {'CFC Active': 1}}, tables: {'Copying Lag': {times: [1955, 2000], values: [1, 2]}},
                    time: {stop: 1990}, seed: 7});
                print('spec=' + s.changes().join('; '));
                print('derived=' + s.derive('d', {set: {'Market Room': 700}}).changes().length);
                """);
        ok(r);
        String[] firms = r.line("firms").split(",");
        assertTrue(Double.parseDouble(firms[1]) < 0.9 * Double.parseDouble(firms[0]), r.line("firms"));
        assertEquals(firms[0], firms[2], "switching back on restores the base");
        assertEquals("51,1980,1955.5", r.line("time"));
        assertEquals("Spinoff Rate = 0.2; Copying Lag = table over time (1955: 1, 2000: 2); CFC Active = 1 from 1990;"
                + " Switch Spinoffs off; stop 1990", r.line("spec"));
        assertEquals(6.0, r.value("derived"), "five changes and a time setting, then one more value");
    }

    @Test
    void runsGiveSeriesValuesAndStatistics() throws Exception {
        Ran r = run(LOAD + """
                const run = m.run();
                print('times=' + run.times().length);
                print('series=' + run.series('Firms').length + ',' + run.series('firms')[0]);
                print('at=' + run.at('Firms', 1977.5));
                print('final=' + run.finalValue('Firms'));
                const s = run.stats('Vendor Entry');
                print('stats=' + Object.keys(s).join(','));
                print('max=' + s.max + ',' + s.timeOfMax + ',' + s.min);
                print('units=' + run.units('Firm Entry'));
                print('hasNames=' + run.names().includes('Products Mastered'));
                print('table=' + run.table(['Firms', 'Vendors']).columns().join(','));
                print('csv=' + run.writeCsv('base.csv', ['Firms']));
                print('name=' + run.name + ' ' + run.scenario().name);
                """);
        ok(r);
        Results j = java().run(Scenario.of("baseline"));
        assertEquals(46.0, r.value("times"));
        assertEquals("46,30", r.line("series"));
        assertEquals(j.valueAt("Firms", 1977.5), r.value("at"), 1e-12);
        assertEquals(j.finalValue("Firms"), r.value("final"), 1e-12);
        assertEquals("initial,final,min,max,mean,timeOfMin,timeOfMax", r.line("stats"));
        double[] entry = j.column("Vendor Entry");
        double max = java.util.Arrays.stream(entry).max().orElseThrow();
        String[] got = r.line("max").split(",");
        assertEquals(max, Double.parseDouble(got[0]));
        assertEquals(j.times()[indexOf(entry, max)], Double.parseDouble(got[1]));
        assertEquals(java.util.Arrays.stream(entry).min().orElseThrow(), Double.parseDouble(got[2]));
        assertEquals("firms/year", r.line("units"));
        assertEquals("true", r.line("hasNames"));
        assertEquals("time,Firms,Vendors", r.line("table"));
        assertEquals("base.csv", r.line("csv"));
        List<String> csv = Files.readAllLines(r.file("base.csv"));
        assertEquals("Time,Firms", csv.get(0));
        assertEquals("1955,30", csv.get(1));
        assertEquals("baseline baseline", r.line("name"));
    }

    private static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] == x) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void misspeltNamesAndArrayVariablesAreExplained() throws Exception {
        Ran r = run(LOAD + "const run = m.run();\nrun.series('Firmz');\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:3") && r.err().contains("Did you mean 'Firms'"), r.err());
    }

    @Test
    void compareSetsRunsSideBySideWithDifferencesAndRatios() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const runs = m.runAll([b, b.derive('cfc').from(1975, {'CFC Active': 1}), b.derive('lag2').set('Copying Lag', 2)]);
                const t = cdyn.compare(runs, {outputs: ['Products Mastered', 'Firms'], at: [1980, 2000]});
                print('cols=' + t.columns().join('|'));
                print('rows=' + t.size());
                const row = t.rows()[1];
                print('check=' + (row['cfc'] - row['baseline'] - row['cfc - baseline']) + ',' + (row['cfc'] / row['baseline'] - row['cfc / baseline']));
                print('pm2000=' + t.value(1, 'cfc') + ',' + runs[1].at('Products Mastered', 2000));
                const t2 = cdyn.compare(runs, {outputs: 'Firms', base: 'lag2'});
                print('base2=' + t2.columns().slice(3).join('|') + ' ' + t2.value(0, 'time'));
                print('csv=' + t.writeCsv('compare.csv'));
                """);
        ok(r);
        assertEquals("variable|units|time|baseline|cfc|lag2|cfc - baseline|lag2 - baseline|cfc / baseline|lag2 / baseline",
                r.line("cols"));
        assertEquals(4.0, r.value("rows"));
        assertEquals("0,0", r.line("check"));
        String[] pm = r.line("pm2000").split(",");
        assertEquals(pm[0], pm[1]);
        assertEquals("baseline|cfc|lag2|baseline - lag2|cfc - lag2|baseline / lag2|cfc / lag2 2000", r.line("base2"));
        assertTrue(r.text("compare.csv").startsWith("variable,units,time,baseline,cfc,lag2,"));
    }

    @Test
    void tablesFromScriptDataAndTextFiles() throws Exception {
        Ran r = run("""
                const t = cdyn.table([{a: 1, b: 'x'}, {a: 2.5, c: true}]);
                print('cols=' + t.columns().join(','));
                print('cells=' + t.value(1, 'a') + ',' + t.value(0, 'b') + ',' + t.value(1, 'c') + ',' + t.column('b')[1]);
                print('format=' + t.format().split('\\n')[0]);
                print('csv=' + cdyn.writeCsv('t.csv', t));
                const t2 = cdyn.table({columns: ['x', 'y'], rows: [[1, 2], [3, 4]]});
                print('sum=' + t2.column('y').reduce((s, v) => s + v, 0));
                print('txt=' + cdyn.writeText('notes/summary.md', '# Summary\\nall good\\n'));
                print('args=' + cdyn.args.join('|') + ' out=' + (cdyn.outDir !== null));
                """, "--runs", "5");
        ok(r);
        assertEquals("a,b,c", r.line("cols"));
        assertEquals("2.5,x,true,NaN", r.line("cells"));
        assertEquals("a    b  c", r.line("format").stripTrailing());
        assertEquals("a,b,c\n1,x,\n2.5,,true\n", r.text("t.csv"));
        assertEquals(6.0, r.value("sum"));
        assertEquals("notes/summary.md", r.line("txt"));
        assertEquals("# Summary\nall good\n", r.text("notes/summary.md"));
        assertEquals("--runs|5 out=true", r.line("args"));
    }

    @Test
    void sweepsRunGridsAndLatinHypercubes() throws Exception {
        Ran r = run(LOAD + """
                const g = m.sweep({parameters: {'Copying Lag': [0.5, 1, 2], 'Spinoff Rate': [0.1, 0.2]},
                    outputs: ['Products Mastered', 'Firms'], at: [1980], stats: ['max'], series: ['Exclusive Products']});
                print('grid=' + g.runs() + ' ' + g.table().columns().join('|'));
                print('lags=' + g.parameter('Copying Lag').join(','));
                print('pm=' + g.output('Products Mastered @ 1980').join(','));
                print('series=' + g.series('Exclusive Products').length + 'x' + g.series('Exclusive Products')[0].length
                    + ' ' + g.times().length);
                print('params=' + g.parameters().join('|'));
                const h = m.sweep({parameters: {'Copying Lag': {min: 0.5, max: 2.5}, 'Vendor Threshold': cdyn.uniform(20, 60)},
                    design: 'lhs', samples: 10, seed: 4, outputs: ['Vendors']});
                const lags = h.parameter('Copying Lag');
                const strata = new Set(lags.map(x => Math.floor((x - 0.5) / 0.2)));
                print('lhs=' + h.runs() + ' ' + strata.size + ' ' + Math.min(...lags) + ' ' + Math.max(...lags));
                print('csv=' + h.writeCsv('lhs.csv'));
                """);
        ok(r);
        assertEquals("6 run|Copying Lag|Spinoff Rate|Products Mastered @ 1980|Firms @ 1980|Products Mastered (max)|Firms (max)",
                r.line("grid"));
        assertEquals("0.5,0.5,1,1,2,2", r.line("lags"));
        String[] pm = r.line("pm").split(",");
        ScenarioModel sm = java();
        double expect = sm.run(Scenario.of("x").with(new Change.SetValue("Copying Lag", 2))
                .with(new Change.SetValue("Spinoff Rate", 0.1))).valueAt("Products Mastered", 1980);
        assertEquals(expect, Double.parseDouble(pm[4]), 1e-12);
        assertEquals("6x46 46", r.line("series"));
        assertEquals("Copying Lag|Spinoff Rate", r.line("params"));
        String[] lhs = r.line("lhs").split(" ");
        assertEquals("10", lhs[0]);
        assertEquals("10", lhs[1], "every tenth of the range is used once");
        assertTrue(Double.parseDouble(lhs[2]) >= 0.5 && Double.parseDouble(lhs[3]) <= 2.5);
        assertEquals(11, Files.readAllLines(r.file("lhs.csv")).size());
    }

    @Test
    void monteCarloGivesRepeatablePercentiles() throws Exception {
        Ran r = run(LOAD + """
                const opts = {runs: 150, seed: 5, parameters: {'Copying Lag': cdyn.lognormal(1, 0.3),
                    'Spinoff Rate': cdyn.normal(0.12, 0.02, {min: 0.05})}, outputs: ['Products Mastered', 'Firms']};
                const a = m.monteCarlo(Object.assign({threads: 1}, opts));
                const b = m.monteCarlo(Object.assign({threads: 2}, opts));
                const pa = a.percentiles('Products Mastered');
                const pb = b.percentiles('Products Mastered');
                print('same=' + (JSON.stringify(pa) === JSON.stringify(pb)));
                print('keys=' + Object.keys(pa).join(','));
                const last = pa.times.length - 1;
                print('ordered=' + (pa.p5[last] < pa.p25[last] && pa.p25[last] < pa.p50[last] && pa.p50[last] < pa.p75[last] && pa.p75[last] < pa.p95[last]));
                print('at=' + a.at('Products Mastered', 2000).p95 + ',' + pa.p95[last]);
                print('finals=' + a.finalValues('Firms').length + ' ' + a.runs() + ' ' + a.exact());
                print('table=' + a.table().size() + ' ' + a.table().columns().join('|'));
                print('runsTable=' + a.runsTable().size() + ' ' + a.runsTable().columns().join('|'));
                const lhs = m.monteCarlo({runs: 50, sampling: 'lhs', parameters: {'Copying Lag': cdyn.triangular(0.5, 1, 2)},
                    outputs: ['Firms'], percentiles: [10, 90]});
                print('lhsKeys=' + Object.keys(lhs.at('Firms', 1990)).join(','));
                print('csv=' + a.writeCsv('mc.csv'));
                """);
        ok(r);
        assertEquals("true", r.line("same"));
        assertEquals("times,mean,sd,p5,p25,p50,p75,p95", r.line("keys"));
        assertEquals("true", r.line("ordered"));
        String[] at = r.line("at").split(",");
        assertEquals(at[0], at[1]);
        assertEquals("150 150 true", r.line("finals"));
        assertEquals("92 variable|time|mean|sd|p5|p25|p50|p75|p95", r.line("table"));
        assertEquals("150 run|Copying Lag|Spinoff Rate|Products Mastered (final)|Firms (final)", r.line("runsTable"));
        assertEquals("mean,sd,p10,p90", r.line("lhsKeys"));
        assertEquals(93, Files.readAllLines(r.file("mc.csv")).size());
    }

    @Test
    void attributionReportsEachMechanismsEffect() throws Exception {
        Ran r = run(LOAD + """
                const a = m.attribution({mechanisms: {'spin-offs': 'Switch Spinoffs'}, outputs: ['Firms', 'Vendors'], at: [1990]});
                print('change=' + a.changes('Firms')['spin-offs']);
                print('cols=' + a.table().columns().join('|'));
                const b = m.attribution({mechanisms: ['Switch Spinoffs'], outputs: 'Firms'});
                print('label=' + Object.keys(b.changes()).join(','));
                print('csv=' + a.writeCsv('attribution.csv'));
                """);
        ok(r);
        ScenarioModel sm = java();
        double base = sm.run(Scenario.of("b")).valueAt("Firms", 1990);
        double off = sm.run(Scenario.of("o").with(new Change.Switch("Switch Spinoffs", false))).valueAt("Firms", 1990);
        assertEquals(off - base, r.value("change"), 1e-9);
        assertEquals("mechanism|switch|output|baseline|switched off|change|change %", r.line("cols"));
        assertEquals("Spinoffs", r.line("label"));
        assertEquals(3, Files.readAllLines(r.file("attribution.csv")).size());
    }

    @Test
    void chartsAreWrittenAsPngSvgAndPdf() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const runs = m.runAll([b, b.derive('cfc 1975').from(1975, {'CFC Active': 1})]);
                print('t=' + cdyn.chart(runs, ['Products Mastered'], {title: 'Products'}).title());
                cdyn.chart(runs, ['Products Mastered', 'Firms']).write('grid.png', {width: 1200, height: 800, dpi: 200});
                cdyn.chart(runs[0], 'Products Mastered').write('pm.svg');
                const mc = m.monteCarlo({runs: 40, parameters: {'Copying Lag': cdyn.uniform(0.5, 2)}, outputs: ['Products Mastered']});
                cdyn.fanChart(mc, 'Products Mastered').write('fan.pdf');
                const sw = m.sweep({parameters: {'Copying Lag': [0.5, 1, 2], 'Spinoff Rate': [0.1, 0.2]}, outputs: ['Products Mastered']});
                cdyn.sweepChart(sw, {parameter: 'Copying Lag', by: 'Spinoff Rate'}).write('sweep.svg');
                const at = m.attribution({mechanisms: ['Switch Spinoffs'], outputs: ['Firms']});
                cdyn.attributionChart(at).write('attribution.png');
                """);
        ok(r);
        assertEquals("Products", r.line("t"));
        BufferedImage png = ImageIO.read(r.file("grid.png").toFile());
        assertEquals(1200, png.getWidth());
        assertEquals(800, png.getHeight());
        assertTrue(r.text("pm.svg").contains("Products Mastered"));
        assertTrue(r.text("sweep.svg").contains("Spinoff Rate = 0.1") && r.text("sweep.svg").contains("Spinoff Rate = 0.2"));
        assertTrue(Files.readString(r.file("fan.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(1800, ImageIO.read(r.file("attribution.png").toFile()).getWidth());
    }

    @Test
    void reportIsAMultiPagePdf() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const runs = m.runAll([b, b.derive('cfc 1975').from(1975, {'CFC Active': 1})]);
                const mc = m.monteCarlo({runs: 30, parameters: {'Copying Lag': cdyn.uniform(0.5, 2)}, outputs: ['Products Mastered']});
                print('file=' + cdyn.report('report.pdf', {title: 'Mini cluster policies', subtitle: 'test',
                    notes: ['A note.'], runs: runs, descriptions: {'cfc 1975': 'The centre opens in 1975.'},
                    outputs: ['Products Mastered', 'Firms'], at: [1980, 2000],
                    charts: [['Products Mastered'], cdyn.fanChart(mc, 'Products Mastered')]}));
                """);
        ok(r);
        assertEquals("report.pdf", r.line("file"));
        try (PDDocument pdf = PDDocument.load(r.file("report.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 3, "pages: " + pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Mini cluster policies"), text);
            assertTrue(text.contains("The centre opens in 1975."), text);
            assertTrue(text.contains("CFC Active"), text);
        }
    }

    @Test
    void distributionsDescribeThemselvesAndCheckTheirParameters() throws Exception {
        Ran r = run("""
                print('d=' + [cdyn.uniform(1, 2), cdyn.loguniform(0.1, 10), cdyn.normal(1, 0.2), cdyn.lognormal(1, 0.5),
                    cdyn.triangular(0, 1, 3), cdyn.choice([1, 2, 4], [1, 1, 2])].join('; '));
                print('n=' + cdyn.normal(1, 0.2, {min: 0}));
                cdyn.triangular(1, 5, 3);
                """);
        assertEquals("uniform(1, 2); loguniform(0.1, 10); normal(1, 0.2); lognormal(1, 0.5); triangular(0, 1, 3);"
                + " choice([1, 2, 4])", r.line("d"));
        assertEquals("normal(1, 0.2, {min: 0})", r.line("n"));
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:4") && r.err().contains("cdyn.triangular(min, mode, max)")
                && r.err().contains("min <= mode <= max"), r.err());
    }

    @Test
    void wrongArgumentsNameTheFunctionAndWhatWasExpected() throws Exception {
        Ran r = run(LOAD + "m.run(42);\n");
        assertEquals(ScriptRunner.SCRIPT_ERROR, r.exit());
        assertTrue(r.err().contains("script.js:2") && r.err().contains(
                "model.run(scenario?): the scenario must be a Scenario object, got the number 42"), r.err());
        r = run(LOAD + "m.baseline().set('Copying Lag');\n");
        assertTrue(r.err().contains("scenario.set(name, value) or ({name: value, ...}): the argument must be an object"),
                r.err());
        r = run(LOAD + "m.baseline().run(1, 2);\n");
        assertTrue(r.err().contains("scenario.run(): too many arguments (2 given, 0 expected)"), r.err());
        r = run(LOAD + "m.monteCarlo({runs: 10, outputs: ['Firms'], parameters: {'Copying Lag': 2}});\n");
        assertTrue(r.err().contains("'Copying Lag' must be a distribution such as cdyn.uniform(0.5, 2), got the number 2"),
                r.err());
    }

    @Test
    void helpListsEveryFunctionOfEveryObject() throws Exception {
        Ran r = run(LOAD + """
                const b = m.baseline();
                const run = b.run();
                const sw = m.sweep({parameters: {'Copying Lag': [1, 2]}, outputs: ['Firms']});
                const mc = m.monteCarlo({runs: 3, outputs: ['Firms']});
                const at = m.attribution({mechanisms: ['Switch Spinoffs'], outputs: ['Firms']});
                const sh = m.attribution({mechanisms: ['Switch Spinoffs'], outputs: ['Firms'], method: 'shapley'});
                const objs = {cdyn: cdyn, Model: m, Scenario: b, Run: run, Table: run.table(), Sweep: sw, MonteCarlo: mc,
                    Attribution: at, Shapley: sh, Chart: cdyn.chart(run, 'Firms')};
                const help = cdyn.help();
                const missing = [];
                for (const [type, o] of Object.entries(objs)) {
                    for (const k of Object.keys(o)) {
                        if (!help.includes(k)) { missing.push(type + '.' + k); }
                    }
                }
                print('missing=' + missing.join(','));
                print('count=' + Object.values(objs).reduce((n, o) => n + Object.keys(o).length, 0));
                """);
        ok(r);
        assertEquals("", r.line("missing"));
        assertTrue(r.value("count") > 70);
    }
}
