package org.clusterdynamics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slider ranges read beside the model: Vensim's [min,max,step] after the units, XMILE's <range>. */
class ModelRangesTest {
    @TempDir
    Path dir;

    @Test
    void vensimRangesAfterTheUnitsAreRead() throws Exception {
        Path mdl = dir.resolve("teacup.mdl");
        Files.writeString(mdl, """
                {UTF-8}
                Teacup Temperature = INTEG(-Heat Loss, 180) ~ Degrees [0, 200] ~ |
                Heat Loss = (Teacup Temperature - Room Temperature) / 10 ~ Degrees/Minute ~ |
                Room Temperature = 70 ~ Degrees [32, 212, 2] ~ |
                Open Window = 0 ~ dmnl [0, 1, 1] ~ |
                INITIAL TIME = 0 ~ Minute ~ |
                FINAL TIME = 30 ~ Minute ~ |
                TIME STEP = 0.125 ~ Minute ~ |
                SAVEPER = 1 ~ Minute ~ |
                """);
        Map<String, double[]> r = ModelRanges.read(mdl);
        assertArrayEquals(new double[] {32, 212, 2}, r.get("room_temperature"));
        assertArrayEquals(new double[] {0, 1, 1}, r.get("open_window"));
        assertEquals(Double.NaN, r.get("teacup_temperature")[2]);
        assertFalse(r.containsKey("heat_loss"));
    }

    @Test
    void xmileRangesOfTheRootModelAreRead() throws Exception {
        Path x = dir.resolve("m.xmile");
        Files.writeString(x, """
                <?xml version="1.0" encoding="utf-8"?>
                <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
                  <header><name>m</name></header>
                  <sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
                  <model><variables>
                    <aux name="Rate"><eqn>1</eqn><range min="0" max="2"/></aux>
                    <aux name="Other"><eqn>1</eqn></aux>
                  </variables></model>
                </xmile>
                """);
        Map<String, double[]> r = ModelRanges.read(x);
        assertEquals(1, r.size());
        assertEquals(0, r.get("rate")[0]);
        assertEquals(2, r.get("rate")[1]);
    }
}
