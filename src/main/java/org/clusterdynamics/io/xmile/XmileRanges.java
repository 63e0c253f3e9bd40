package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clusterdynamics.model.VarName;
import org.xml.sax.InputSource;

/**
 * The {@code <range min=".." max=".."/>} that XMILE variables may carry for sliders and graphs,
 * read beside the model (the format-neutral model does not hold display ranges).
 */
public final class XmileRanges {
    private XmileRanges() {}

    /**
     * Canonical variable name to {min, max, step} (step NaN when not given) of the root model's
     * variables; empty when the file cannot be read, since ranges are optional display hints and
     * the model itself was read (and its errors reported) by {@link XmileReader}.
     */
    public static Map<String, double[]> read(Path file) {
        Map<String, double[]> out = new LinkedHashMap<>();
        XmlNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = XmlTree.parse(new InputSource(in));
        } catch (IOException | XmlTree.Malformed e) {
            return out;
        }
        for (XmlNode model : root.children("model")) {
            if (model.attribute("name").isPresent()) {
                continue; // sub-models are reached through modules, not shown as levers
            }
            for (XmlNode group : model.children("variables")) {
                for (XmlNode v : group.children()) {
                    Optional<XmlNode> range = v.child("range");
                    Optional<String> name = v.attribute("name");
                    if (range.isPresent() && name.isPresent()) {
                        double min = number(range.get().attribute("min"));
                        double max = number(range.get().attribute("max"));
                        if (min < max) {
                            out.put(VarName.canonical(name.get()),
                                    new double[] {min, max, number(range.get().attribute("step"))});
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double number(Optional<String> text) {
        try {
            return text.map(t -> Double.parseDouble(t.strip())).orElse(Double.NaN);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
