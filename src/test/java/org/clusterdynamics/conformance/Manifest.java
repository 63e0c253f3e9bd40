package org.clusterdynamics.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance manifest: for every model file of the suite, whether it must pass or is an
 * expected failure, and for an expected failure the true reason.
 *
 * <p>Format: one line per file, tab-separated {@code path status reason [settings]}; the path is
 * relative to the suite folder with {@code /} separators. The settings, separated by {@code ;}, say
 * how the case is run and checked where its folder alone does not: {@code data=FILE} (repeatable)
 * runs it with a data file ({@code cdyn run --data}, as Vensim's {@code -d}), and
 * {@code expected=FILE} checks it against another file of its folder than output.tab/.csv (the
 * folder's output belongs to another model), {@code precision=single} runs it in single precision
 * ({@code cdyn run --precision single}, for outputs of Vensim's single-precision editions). Files are
 * relative to the model's folder. Blank lines and lines starting with {@code #} are ignored.
 */
final class Manifest {
    static final String RESOURCE = "/conformance/manifest.tsv";

    /** Whether a case must pass. */
    enum Status {
        PASS,
        XFAIL
    }

    /** One line of the manifest. */
    record Entry(String path, Status status, String reason, int line, List<String> dataFiles,
            Optional<String> expected, boolean singlePrecision) {}

    private final Map<String, Entry> entries;

    private Manifest(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    static Manifest load() throws IOException {
        try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** Reads the manifest; a malformed line is an error naming the line, not a silent skip. */
    static Manifest parse(Reader text) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(text);
        String raw;
        int lineNo = 0;
        while ((raw = r.readLine()) != null) {
            lineNo++;
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String[] f = raw.split("\t", -1);
            String where = RESOURCE + ":" + lineNo + ": ";
            if (f.length < 2 || f.length > 4) {
                throw new IOException(where + "expected 'path<TAB>status[<TAB>reason[<TAB>settings]]', got '"
                        + raw + "'");
            }
            String path = f[0].strip();
            Status status;
            try {
                status = Status.valueOf(f[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + "status '" + f[1] + "' is neither pass nor xfail");
            }
            String reason = f.length >= 3 ? f[2].strip() : "";
            List<String> data = new ArrayList<>();
            String expected = null;
            boolean single = false;
            if (f.length == 4) {
                for (String setting : f[3].split(";")) {
                    int eq = setting.indexOf('=');
                    String key = eq < 0 ? setting.strip() : setting.substring(0, eq).strip();
                    String value = eq < 0 ? "" : setting.substring(eq + 1).strip();
                    if (key.equals("precision") && (value.equals("single") || value.equals("double"))) {
                        single = value.equals("single");
                        continue;
                    }
                    if (value.isEmpty() || !(key.equals("data") || key.equals("expected"))
                            || (key.equals("expected") && expected != null)) {
                        throw new IOException(where + "setting '" + setting.strip() + "' is not data=FILE, a"
                                + " single expected=FILE or precision=single|double");
                    }
                    if (key.equals("data")) {
                        data.add(value);
                    } else {
                        expected = value;
                    }
                }
            }
            if (status == Status.XFAIL && reason.isEmpty()) {
                throw new IOException(where + path + " is xfail without a reason; say why it fails");
            }
            Entry earlier = out.putIfAbsent(path, new Entry(path, status, reason, lineNo, List.copyOf(data),
                    Optional.ofNullable(expected), single));
            if (earlier != null) {
                throw new IOException(where + path + " is already listed on line " + earlier.line());
            }
        }
        return new Manifest(out);
    }

    Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
