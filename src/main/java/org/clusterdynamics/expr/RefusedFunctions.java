package org.clusterdynamics.expr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clusterdynamics.model.Dialect;

/**
 * The functions of Vensim's reference and Stella's builtin list that this engine refuses, each with the
 * reason an error gives. Read from {@code refused-functions.tsv} beside this class: the one source of
 * these reasons, quoted by the compiler and held against {@code docs/functions.md} by its test.
 */
public final class RefusedFunctions {
    /** One refused function: its dialect's name for the file kind, the name as written, the reason. */
    public record Refusal(String dialect, String written, String reason) {}

    private static final Map<String, Refusal> BY_KEY = load();

    private RefusedFunctions() {
    }

    /** The refusal of a function id (lower case, words joined by '_') in a model of that dialect. */
    public static Optional<Refusal> find(Dialect dialect, String id) {
        return Optional.ofNullable(BY_KEY.get(key(dialectName(dialect), id)));
    }

    /** Every refusal, in the file's order. */
    public static Map<String, Refusal> all() {
        return BY_KEY;
    }

    private static String dialectName(Dialect d) {
        return d == Dialect.VENSIM ? "Vensim" : "Stella";
    }

    private static String key(String dialect, String id) {
        return dialect + ":" + id.toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static Map<String, Refusal> load() {
        Map<String, Refusal> m = new LinkedHashMap<>();
        try (InputStream in = RefusedFunctions.class.getResourceAsStream("refused-functions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("refused-functions.tsv is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                m.put(key(f[0], f[1]), new Refusal(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }
}
