package org.clusterdynamics.io.xmile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.io.files.DataFileAccess;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Definition;
import org.clusterdynamics.model.Dimension;
import org.clusterdynamics.model.ElementDefinition;
import org.clusterdynamics.model.Equation;
import org.clusterdynamics.model.Flow;
import org.clusterdynamics.model.Stock;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Stella's import links ({@code <data><import resource="r../file.csv"/>}) that set constants: a
 * CSV file whose first row (or first column) names model variables, each followed by its value,
 * or by one value per element in element order for an array (isee's help, "Creating import and
 * export files"). The imported values replace the variables' equations for the run, as Stella
 * uses them. A file that is missing, not CSV, or a series over time is left to the model's own
 * equations, as Stella runs a model whose link is broken; a value count that fits no variable is
 * an error naming both.
 */
final class DataImports {
    private DataImports() {}

    static List<Variable> apply(XmlNode root, Path source, List<Variable> vars, List<Dimension> dims, String file,
            Diagnostics diags) {
        if (source == null) {
            return vars;
        }
        Map<String, Dimension> dimsById = new HashMap<>();
        dims.forEach(d -> dimsById.put(d.name().id(), d));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (XmlNode data : root.children("data")) {
            for (XmlNode imp : data.children("import")) {
                if (imp.attribute("enabled").map(e -> e.strip().equalsIgnoreCase("false")).orElse(false)) {
                    continue;
                }
                Path csv = DataFileAccess.path(resolve(source, imp.attribute("resource").orElse("").strip()));
                if (csv == null || !Files.isRegularFile(csv)
                        || !csv.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                try {
                    read(csv, vars, values);
                } catch (IOException | RuntimeException e) {
                    diags.error("XMILE_IMPORT", Where.of(file, null, imp.line()), "cannot read the import file "
                            + csv.getFileName() + " (" + e.getMessage() + "); fix it or remove the <import> link");
                }
                values.keySet().forEach(k -> lines.putIfAbsent(k, imp.line()));
            }
        }
        if (values.isEmpty()) {
            return vars;
        }
        List<Variable> out = new ArrayList<>();
        for (Variable v : vars) {
            List<Double> vs = values.get(v.name().id());
            out.add(vs == null ? v : imported(v, vs, dimsById, file, lines.get(v.name().id()), diags));
        }
        return out;
    }

    /** Stella writes {@code r} before a path relative to the model file, which sits in its folder. */
    private static Path resolve(Path source, String resource) {
        if (resource.isEmpty()) {
            return null;
        }
        String path = resource.length() > 1 && resource.charAt(0) == 'r' && (resource.charAt(1) == '.'
                || resource.charAt(1) == '/') ? resource.substring(1) : resource;
        Path folder = source.toAbsolutePath().getParent();
        if (path.startsWith("../") && folder != null) {
            path = path.substring(3); // relative to the file itself: "../x.csv" is beside it
        }
        return folder == null ? Path.of(path) : folder.resolve(path).normalize();
    }

    private static void read(Path csv, List<Variable> vars, Map<String, List<Double>> into) throws IOException {
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.parse(r).getRecords();
        }
        if (rows.isEmpty() || rows.get(0).size() == 0 || VarName.canonical(rows.get(0).get(0)).equals("time")) {
            return; // a series over time is a different kind of link, not read: the model's equations stay
        }
        Map<String, Variable> byId = new HashMap<>();
        vars.forEach(v -> byId.put(v.name().id(), v));
        int inRow = 0;
        for (String cell : rows.get(0)) {
            inRow += byId.containsKey(VarName.canonical(cell)) ? 1 : 0;
        }
        int inColumn = 0;
        for (CSVRecord row : rows) {
            inColumn += row.size() > 0 && byId.containsKey(VarName.canonical(row.get(0))) ? 1 : 0;
        }
        if (inRow > inColumn || (inRow == inColumn && rows.size() > 1)) {
            CSVRecord head = rows.get(0);
            for (int c = 0; c < head.size(); c++) {
                List<Double> vs = new ArrayList<>();
                for (int i = 1; i < rows.size(); i++) {
                    number(c < rows.get(i).size() ? rows.get(i).get(c) : "", vs);
                }
                put(head.get(c), vs, byId, into);
            }
        } else {
            for (CSVRecord row : rows) {
                List<Double> vs = new ArrayList<>();
                for (int c = 1; c < row.size(); c++) {
                    number(row.get(c), vs);
                }
                put(row.size() > 0 ? row.get(0) : "", vs, byId, into);
            }
        }
    }

    private static void put(String name, List<Double> vs, Map<String, Variable> byId, Map<String, List<Double>> into) {
        String id = VarName.canonical(name);
        if (byId.containsKey(id) && !vs.isEmpty()) {
            into.put(id, vs);
        }
    }

    private static void number(String cell, List<Double> into) {
        String t = cell.strip();
        if (!t.isEmpty()) {
            into.add(Double.parseDouble(t));
        }
    }

    private static Variable imported(Variable v, List<Double> vs, Map<String, Dimension> dims, String file, int line,
            Diagnostics diags) {
        List<List<String>> tuples = new ArrayList<>();
        tuples.add(List.of());
        for (String d : v.dimensions()) {
            Dimension dim = dims.get(VarName.canonical(d));
            if (dim == null) {
                return v; // reported when the variable is compiled
            }
            tuples = XmileDefinitions.withElements(tuples, dim.elements());
        }
        if (vs.size() != tuples.size()) {
            diags.error("XMILE_IMPORT", Where.of(file, v.name().asWritten(), line), "the import file gives "
                    + vs.size() + " value(s) for '" + v.name().asWritten() + "', which has " + tuples.size()
                    + " element(s); give one value per element, in element order");
            return v;
        }
        Definition def;
        if (v.dimensions().isEmpty()) {
            def = Definition.of(new Equation(Double.toString(vs.get(0)), line));
        } else {
            List<ElementDefinition> els = new ArrayList<>();
            for (int i = 0; i < tuples.size(); i++) {
                els.add(new ElementDefinition(tuples.get(i), new Equation(Double.toString(vs.get(i)), line), null));
            }
            def = Definition.perElement(els);
        }
        if (v instanceof Stock s) {
            return new Stock(s.name(), def, s.inflows(), s.outflows(), s.netRate(), s.nonNegative(), s.dimensions(),
                    s.units(), s.documentation(), s.line(), s.conveyor());
        } else if (v instanceof Flow f) {
            return new Flow(f.name(), def, f.nonNegative(), f.dimensions(), f.units(), f.documentation(), f.line(),
                    f.leak());
        } else if (v instanceof Aux a) {
            return new Aux(a.name(), def, a.dimensions(), a.units(), a.documentation(), a.line());
        }
        return v;
    }
}
