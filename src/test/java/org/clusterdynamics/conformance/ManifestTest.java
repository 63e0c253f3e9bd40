package org.clusterdynamics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static Manifest parse(String text) throws IOException {
        return Manifest.parse(new StringReader(text));
    }

    @Test
    void readsStatusesAndReasons() throws IOException {
        Manifest m = parse("# comment\n\ntests/a/a.xmile\tpass\ntests/b/b.mdl\txfail\tsuite defect: x\n");
        assertEquals(2, m.entries().size());
        assertEquals(Manifest.Status.PASS, m.entry("tests/a/a.xmile").orElseThrow().status());
        Manifest.Entry b = m.entry("tests/b/b.mdl").orElseThrow();
        assertEquals(Manifest.Status.XFAIL, b.status());
        assertEquals("suite defect: x", b.reason());
        assertEquals(4, b.line());
    }

    @Test
    void readsSettingsAfterTheReason() throws IOException {
        Manifest m = parse("a.mdl\tpass\t\tdata=data.tab; data=data down.csv; expected=other.tab\nb.mdl\tpass\n");
        Manifest.Entry a = m.entry("a.mdl").orElseThrow();
        assertEquals(List.of("data.tab", "data down.csv"), a.dataFiles());
        assertEquals("other.tab", a.expected().orElseThrow());
        assertEquals(List.of(), m.entry("b.mdl").orElseThrow().dataFiles());
        assertTrue(m.entry("b.mdl").orElseThrow().expected().isEmpty());
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\tdata=data.tab;;data=b.tab\n"));
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\tdata.tab\n"));
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\tseed=3\n"));
        assertTrue(parse("a.mdl\tpass\t\tprecision=single\n").entry("a.mdl").orElseThrow().singlePrecision());
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\tprecision=half\n"));
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\texpected=a.tab;expected=b.tab\n"));
        assertThrows(IOException.class, () -> parse("a.mdl\tpass\t\tdata=data.tab\textra\n"));
    }

    @Test
    void refusesXfailWithoutReasonUnknownStatusAndDuplicates() {
        IOException noReason = assertThrows(IOException.class, () -> parse("a.mdl\txfail\n"));
        assertTrue(noReason.getMessage().contains("without a reason"), noReason.getMessage());
        assertThrows(IOException.class, () -> parse("a.mdl\tskip\twhy\n"));
        assertThrows(IOException.class, () -> parse("a.mdl pass\n"));
        IOException dup = assertThrows(IOException.class, () -> parse("a.mdl\tpass\na.mdl\tpass\n"));
        assertTrue(dup.getMessage().contains("line 1"), dup.getMessage());
    }

    @Test
    void theShippedManifestParses() throws IOException {
        assertTrue(Manifest.load().entries().size() > 0);
    }
}
