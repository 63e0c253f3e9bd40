package org.clusterdynamics.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.io.vensim.VensimReader;
import org.clusterdynamics.io.xmile.XmileReader;
import org.clusterdynamics.model.Model;

/** Reads a model file with the reader its extension calls for (.xmile/.stmx/.itmx or .mdl). */
public final class ModelFiles {

    /** The file formats this engine reads. */
    public enum Format {
        XMILE,
        VENSIM
    }

    private ModelFiles() {}

    /** The format of a file judged by its extension, ignoring case ({@code .MDL} is Vensim too). */
    public static Optional<Format> formatOf(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xmile") || n.endsWith(".stmx") || n.endsWith(".itmx") || n.endsWith(".xml")) {
            return Optional.of(Format.XMILE);
        }
        if (n.endsWith(".mdl")) {
            return Optional.of(Format.VENSIM);
        }
        return Optional.empty();
    }

    /**
     * Reads a model whose Vensim data variables take their series from data files (tab- or
     * comma-separated, time in the first column, one column per variable), as Vensim's -d option.
     */
    public static Model read(Path file, java.util.List<Path> dataFiles) {
        if (dataFiles.isEmpty()) {
            return read(file);
        }
        if (formatOf(file).orElse(null) != Format.VENSIM) {
            throw new ModelException(Diagnostic.error("DATA_UNSUPPORTED", Where.file(file.toString()),
                    "data files feed Vensim data variables; an XMILE model reads its data from graphical"
                            + " functions: remove --data"));
        }
        return checked(VensimReader.read(file, dataFiles));
    }

    /**
     * Reads a model whose GET XLS / GET DIRECT functions may read data files only inside
     * {@code dataRoots} and below (null: the model's own folder and below).
     */
    public static Model read(Path file, java.util.List<Path> dataFiles, java.util.List<Path> dataRoots) {
        if (dataRoots == null) {
            return read(file, dataFiles);
        }
        if (formatOf(file).orElse(null) == Format.VENSIM) {
            return checked(VensimReader.read(file, dataFiles, dataRoots));
        }
        return read(file, dataFiles);
    }

    public static Model read(Path file) {
        Format f = formatOf(file).orElseThrow(() -> new ModelException(Diagnostic.error("UNKNOWN_FORMAT",
                Where.file(file.toString()), "the file name does not end in a model extension; use .xmile, .stmx or"
                        + " .itmx for XMILE (Stella) models and .mdl for Vensim models")));
        return checked(switch (f) {
            case XMILE -> XmileReader.read(file);
            case VENSIM -> VensimReader.read(file);
        });
    }

    /** Checks that concern the whole model once read, whatever its format. */
    private static Model checked(Model m) {
        MacroCycles.check(m);
        return m;
    }
}
