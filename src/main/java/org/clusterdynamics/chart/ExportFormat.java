package org.clusterdynamics.chart;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a chart can be written in, chosen by file name extension. */
public enum ExportFormat {
    PNG, SVG, PDF;

    public static ExportFormat of(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "png" -> PNG;
            case "svg" -> SVG;
            case "pdf" -> PDF;
            default -> throw new IllegalArgumentException("chart output " + file + ": "
                    + (ext.isEmpty() ? "no file extension" : "unknown extension '." + ext + "'")
                    + "; name the file .png, .svg or .pdf");
        };
    }
}
