package org.clusterdynamics.realmodels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shared set's own MANIFEST.tsv: which file of each folder is the model. */
final class SourceManifest {
    private final Map<String, String> files = new HashMap<>();

    static SourceManifest read(Path tsv) throws IOException {
        SourceManifest m = new SourceManifest();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > 1 && !f[0].isBlank()) {
                m.files.put(f[0].strip(), f[1].strip());
            }
        }
        return m;
    }

    String file(String folder) throws IOException {
        String f = files.get(folder);
        if (f == null) {
            throw new IOException(folder + " is not in the shared MANIFEST.tsv, so its model file is unknown");
        }
        return f;
    }
}
