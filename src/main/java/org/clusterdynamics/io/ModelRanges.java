package org.clusterdynamics.io;

import java.nio.file.Path;
import java.util.Map;
import org.clusterdynamics.io.vensim.VensimRanges;
import org.clusterdynamics.io.xmile.XmileRanges;

/** Slider ranges a model file gives its variables (XMILE {@code <range>}, Vensim {@code [min,max,step]}). */
public final class ModelRanges {
    private ModelRanges() {}

    /** Canonical variable name to {min, max, step} (step NaN when not given); empty when none. */
    public static Map<String, double[]> read(Path file) {
        return switch (ModelFiles.formatOf(file).orElse(ModelFiles.Format.XMILE)) {
            case XMILE -> XmileRanges.read(file);
            case VENSIM -> VensimRanges.read(file);
        };
    }
}
