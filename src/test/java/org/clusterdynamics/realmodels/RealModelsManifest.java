package org.clusterdynamics.realmodels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code real-models/manifest.tsv}: one line per folder of the shared published models, tab
 * separated: the folder, its status (pass, xfail, refused or slow), for xfail and slow the checked
 * reason, for refused the text its error must contain, and optionally settings separated by ;
 * ({@code data=FILE} passes FILE, relative to the model, with --data; {@code data-root=DIR} lets the
 * model's GET functions read DIR, relative to the model, with --data-root; {@code slow} runs a line of
 * any status only with -Dcdyn.realModels.slow=true).
 */
final class RealModelsManifest {
    static final String RESOURCE = "real-models/manifest.tsv";

    enum Status { PASS, XFAIL, REFUSED, SLOW }

    record Entry(String name, Status status, String reason, List<String> dataFiles, List<String> dataRoots, boolean slow,
            int line) {}

    private final List<Entry> entries;

    private RealModelsManifest(List<Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    static RealModelsManifest load() throws IOException {
        InputStream in = RealModelsManifest.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException(RESOURCE + " is not on the test class path");
        }
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Status status;
                try {
                    status = Status.valueOf(f.length > 1 ? f[1].strip().toUpperCase(Locale.ROOT) : "");
                } catch (IllegalArgumentException e) {
                    throw new IOException(RESOURCE + ":" + n + ": status must be pass, xfail, refused or slow");
                }
                String reason = f.length > 2 ? f[2].strip() : "";
                if (status != Status.PASS && reason.isEmpty()) {
                    throw new IOException(RESOURCE + ":" + n + ": a " + f[1] + " line needs its reason");
                }
                List<String> data = new ArrayList<>();
                List<String> roots = new ArrayList<>();
                boolean slow = status == Status.SLOW;
                if (f.length > 3) {
                    for (String s : f[3].split(";")) {
                        if (s.strip().startsWith("data-root=")) {
                            roots.add(s.strip().substring("data-root=".length()));
                        } else if (s.strip().startsWith("data=")) {
                            data.add(s.strip().substring(5));
                        } else if (s.strip().equals("slow")) {
                            slow = true;
                        }
                    }
                }
                out.add(new Entry(f[0].strip(), status, reason, data, roots, slow, n));
            }
        }
        return new RealModelsManifest(out);
    }
}
