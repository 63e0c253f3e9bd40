package org.clusterdynamics.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shipped page layout for one model: which constants to show first as levers (with ranges where
 * the model gives none), how to group its switches into families, which charts to open and at which
 * year to show the table. Names the model does not have are skipped, so that a layout keeps working
 * when the model gains or loses variables.
 *
 * @param tableYear the year of the table of values, NaN for the end of the run
 */
public record Layout(List<LeverHint> levers, List<Family> families, List<Chart> charts, double tableYear) {

    /** A constant to show as a lever; min/max/step NaN when the layout leaves them to the model. */
    public record LeverHint(String name, double min, double max, double step) {}

    /** A family of switches under one heading ("Table 2, cell I: ..."). */
    public record Family(String title, List<String> switches) {}

    /** A chart opened when the page loads. */
    public record Chart(String title, List<String> outputs) {}

    public static final Layout NONE = new Layout(List.of(), List.of(), List.of(), Double.NaN);

    public Layout {
        levers = List.copyOf(levers);
        families = List.copyOf(families);
        charts = List.copyOf(charts);
    }

    /**
     * The layout shipped for a model file of this base name (e.g. "punjab-clusters"), or
     * {@link #NONE}.
     */
    public static Layout shippedFor(String modelBaseName) {
        String file = "layouts/" + modelBaseName.toLowerCase(Locale.ROOT) + ".json";
        try (InputStream in = Layout.class.getResourceAsStream(file)) {
            return in == null ? NONE : parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a layout in the JSON form of the shipped files. */
    static Layout parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<LeverHint> levers = new ArrayList<>();
        for (JsonNode n : root.path("levers")) {
            levers.add(new LeverHint(n.path("name").asText(), number(n, "min"), number(n, "max"), number(n, "step")));
        }
        List<Family> families = new ArrayList<>();
        for (JsonNode n : root.path("switchFamilies")) {
            families.add(new Family(n.path("title").asText(), texts(n.path("switches"))));
        }
        List<Chart> charts = new ArrayList<>();
        for (JsonNode n : root.path("charts")) {
            charts.add(new Chart(n.path("title").asText(), texts(n.path("outputs"))));
        }
        return new Layout(levers, families, charts, number(root, "tableYear"));
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : array) {
            out.add(t.asText());
        }
        return out;
    }
}
