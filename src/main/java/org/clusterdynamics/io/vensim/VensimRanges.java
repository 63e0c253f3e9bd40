package org.clusterdynamics.io.vensim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clusterdynamics.diag.Diagnostics;

/**
 * The {@code [min, max, step]} that Vensim writes after a variable's units (the range of its
 * SyntheSim slider), read beside the model (the format-neutral model does not hold it).
 */
public final class VensimRanges {
    private VensimRanges() {}

    /**
     * Canonical variable name to {min, max, step} (step NaN when not given) of whole-variable
     * definitions whose range gives both ends; empty when the file cannot be read, since ranges are
     * optional hints and the model itself was read (and its errors reported) by {@link VensimReader}.
     */
    public static Map<String, double[]> read(Path file) {
        Map<String, double[]> out = new LinkedHashMap<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return out;
            }
        } catch (IOException e) {
            return out;
        }
        Diagnostics ignored = new Diagnostics();
        MdlRecordParser parser = new MdlRecordParser(file.toString(), ignored);
        for (MdlScanner.Item item : MdlScanner.scan(text, file.toString(), ignored)) {
            if (item instanceof MdlScanner.Entry e && parser.parse(e) instanceof MdlRecord.Definition d
                    && d.range() != null && d.subscripts().isEmpty()) {
                double[] r = d.range();
                if (r[0] < r[1]) {
                    out.put(d.name().id(), new double[] {r[0], r[1], r.length > 2 ? r[2] : Double.NaN});
                }
            }
        }
        return out;
    }
}
