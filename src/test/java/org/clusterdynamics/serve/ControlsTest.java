package org.clusterdynamics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.scenario.ScenarioModel;
import org.junit.jupiter.api.Test;

/** The page's controls come from the model's metadata; a layout's unknown names are skipped. */
class ControlsTest {
    private static final String MODEL = """
            <?xml version="1.0" encoding="utf-8"?>
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><name>m</name></header>
              <sim_specs time_units="year"><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
              <model><variables>
                <stock name="S"><eqn>0</eqn><inflow>F</inflow></stock>
                <flow name="F"><eqn>Rate * Switch_A * (1 + Flag_B) * STEP(1, Policy_Start) + Base_Year * 0</eqn></flow>
                <aux name="Rate"><eqn>2</eqn><units>1/year</units></aux>
                <aux name="Switch A"><eqn>1</eqn></aux>
                <aux name="Switch C"><eqn>0</eqn></aux>
                <aux name="Flag B"><eqn>0</eqn></aux>
                <aux name="Policy Start"><eqn>100</eqn><units>year</units></aux>
                <aux name="Base Year"><eqn>5</eqn><units>year</units></aux>
              </variables></model>
            </xmile>
            """;

    @Test
    void leversSwitchesAndStartYearsComeFromTheModelAndTheLayoutsUnknownNamesAreSkipped() throws Exception {
        Layout layout = Layout.parse(new ByteArrayInputStream("""
                {"levers": [{"name": "Rate", "min": 0, "max": 4}, {"name": "Gone", "min": 0, "max": 1}],
                 "switchFamilies": [{"title": "Family", "switches": ["Switch A", "Missing Switch"]}],
                 "charts": [{"title": "t", "outputs": ["S", "Nope"]}]}
                """.getBytes(StandardCharsets.UTF_8)));
        ScenarioModel sm = new ScenarioModel(XmileReader.read(MODEL, null));
        Controls c = new Controls(sm, Map.of(), layout);
        assertEquals(List.of("Rate"), c.levers().stream().map(Controls.Lever::name).toList());
        assertEquals(Controls.RangeSource.LAYOUT, c.levers().get(0).range());
        assertEquals(4, c.levers().get(0).max());
        assertEquals(2, c.families().size());
        assertEquals("Family", c.families().get(0).title());
        assertEquals(List.of("Switch A"), c.families().get(0).switches().stream().map(Controls.Switch::name).toList());
        assertEquals("Other switches", c.families().get(1).title(), "a switch the layout does not list still shows");
        assertEquals(List.of("Switch C"), c.families().get(1).switches().stream().map(Controls.Switch::name).toList());
        assertEquals(List.of("Policy Start"), c.startYears().stream().map(Controls.StartYear::name).toList());
        assertTrue(c.startYears().get(0).never(), "100 lies after the run: never");
        Controls.Lever baseYear = c.otherConstants().stream().filter(l -> l.name().equals("Base Year")).findFirst()
                .orElseThrow();
        assertEquals(List.of(0.0, 10.0), List.of(baseYear.min(), baseYear.max()), "a year: the run's span");
        assertTrue(c.otherConstants().stream().anyMatch(l -> l.name().equals("Flag B")), "0/1 but not named a switch");
        assertNull(c.problem("Rate", 4));
        assertTrue(c.problem("Rate", 5).contains("0 .. 4 (the page layout's range)"));
        assertTrue(c.problem("Policy Start", -1).contains("a start year from 0 on"));
        assertNull(c.problem("Flag B", 7), "other constants are checked as cdyn run checks --set");
    }
}
