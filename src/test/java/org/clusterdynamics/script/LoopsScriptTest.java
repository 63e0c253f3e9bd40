package org.clusterdynamics.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** model.loops() from a script: the list, the dominance periods, the scores and a chart for a report. */
class LoopsScriptTest extends ScriptTestSupport {

    @Test
    void aScriptListsAndScoresTheLoopsAndChartsTheirDominance() throws Exception {
        Ran r = run("""
                const m = cdyn.load('mini-cluster.xmile');
                const loops = m.loops();
                const list = loops.list();
                print('count=' + loops.count + ' ' + list.length);
                print('first=' + list[0].id + ' ' + list[0].polarity + ' ' + (list[0].path.indexOf(' -> ') > 0));
                const d = loops.dominance();
                print('periods=' + (d.length > 0) + ' ' + d[0].from + ' ' + (d[0].loops.length > 0));
                const s = loops.scores(list[0].id);
                print('scores=' + (s.length === loops.times().length) + ' ' + s.every(x => x >= -1 && x <= 1));
                print('written=' + loops.chart().write('loops.png'));
                try { loops.scores('Z9'); } catch (e) { print('error=' + e.message); }
                """);
        assertEquals(0, r.exit(), () -> r.err() + r.out());
        String[] count = r.line("count").split(" ");
        assertEquals(count[0], count[1]);
        assertTrue(Integer.parseInt(count[0]) > 0);
        assertTrue(r.line("first").endsWith("true"), r.line("first"));
        assertTrue(r.line("periods").startsWith("true"), r.line("periods"));
        assertEquals("true true", r.line("scores"));
        assertEquals("loops.png", r.line("written"));
        assertTrue(Files.size(r.file("loops.png")) > 1000);
        assertTrue(r.line("error").contains("no loop 'Z9'"), r.line("error"));
    }

    @Test
    void theDominanceChartShowsTheLoopsNamesBesideTheirIds() throws Exception {
        Ran r = run("""
                const m = cdyn.load('mini-cluster.xmile');
                const loops = m.loops();
                const id = loops.list()[0].structure;
                print('id=' + id);
                loops.chart('Named', undefined, {[id]: 'a named loop'}).write('named.svg');
                try { loops.chart('Named', undefined, 5); } catch (e) { print('error=' + e.message); }
                """);
        assertEquals(0, r.exit(), () -> r.err() + r.out());
        String svg = Files.readString(r.file("named.svg"));
        assertTrue(svg.contains(r.line("id") + ": a named loop"), "legend names the loop");
        assertTrue(r.line("error").contains("names must be an object"), r.line("error"));
    }
}
