package org.clusterdynamics.io.vensim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clusterdynamics.diag.Diagnostics;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.diag.Where;
import org.clusterdynamics.io.vensim.ExternalData.DataException;
import org.clusterdynamics.model.Aux;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.Macro;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.model.SimSpecs;
import org.clusterdynamics.model.VarName;
import org.clusterdynamics.model.Variable;

/**
 * Reads a Vensim {@code .mdl} file into a format-neutral {@link Model}; equations keep Vensim
 * expression syntax and data behind GET XLS / GET DIRECT calls is read from the model's folder.
 */
public final class VensimReader {
    private VensimReader() {}

    /** Reads the model in {@code file} (UTF-8; data files are looked up next to it). */
    public static Model read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads the model in {@code file}; data variables without an equation ({@code x :INTERPOLATE:})
     * take their series from {@code dataFiles}: tab- or comma-separated, time in the first column,
     * one column per variable or element as Vensim exports them.
     */
    public static Model read(Path file, List<Path> dataFiles) {
        return read(file, dataFiles, null);
    }

    /**
     * As {@link #read(Path, List)}, with the folders GET XLS / GET DIRECT functions may read from:
     * {@code dataRoots} and below; null means the model's own folder and below.
     */
    public static Model read(Path file, List<Path> dataFiles, List<Path> dataRoots) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                // files saved by old Vensim versions without the {UTF-8} mark are Latin-1
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                throw new ModelException(cannotRead(file, e2));
            }
        } catch (IOException e) {
            throw new ModelException(cannotRead(file, e));
        }
        return read(text, file, dataFiles, dataRoots);
    }

    private static org.clusterdynamics.diag.Diagnostic cannotRead(Path file, IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "the file does not exist; check the path and name"
                : Files.isDirectory(file) ? "this is a folder, not a model file; give the path of the .mdl file"
                : "cannot read the model file (" + org.clusterdynamics.diag.Texts.reason(e) + "); check that it is a readable file";
        return org.clusterdynamics.diag.Diagnostic.error("VENSIM_IO", Where.file(file.toString()), why);
    }

    /**
     * Reads model text; {@code sourceForMessages} names it in diagnostics and its folder is where
     * data files are looked up (the working directory when it is null or has no parent).
     */
    public static Model read(String text, Path sourceForMessages) {
        return read(text, sourceForMessages, List.of());
    }

    /** Reads model text with data files for data variables that have no equation. */
    public static Model read(String text, Path sourceForMessages, List<Path> dataFiles) {
        return read(text, sourceForMessages, dataFiles, null);
    }

    /** Reads model text; GET functions may read data files only inside {@code dataRoots} (null: the model's folder). */
    public static Model read(String text, Path sourceForMessages, List<Path> dataFiles, List<Path> dataRoots) {
        String file = sourceForMessages == null ? "<model>" : sourceForMessages.toString();
        Path folder = sourceForMessages == null || sourceForMessages.toAbsolutePath().getParent() == null
                ? Path.of("").toAbsolutePath() : sourceForMessages.toAbsolutePath().getParent();
        try (ExternalData data = new ExternalData(folder, dataRoots == null ? List.of(folder) : dataRoots)) {
            data.indirectFiles(dataFiles);
            data.prefetch(text);
            return read(text, sourceForMessages, file, dataFiles, data);
        }
    }

    private static Model read(String text, Path sourceForMessages, String file, List<Path> dataFiles,
            ExternalData data) {
        Diagnostics diags = new Diagnostics();
        List<MdlScanner.Item> items = MdlScanner.scan(text, file, diags);
        MdlRecordParser parser = new MdlRecordParser(file, diags);

        List<MdlRecord> main = new ArrayList<>();
        List<MacroParts> macros = new ArrayList<>();
        MacroParts open = null;
        for (MdlScanner.Item item : items) {
            if (item instanceof MdlScanner.MacroStart m) {
                if (open != null) {
                    diags.error("VENSIM_MACRO", Where.of(file, null, m.line()), "a :MACRO: starts on line " + m.line()
                            + " inside the macro started on line " + open.line + ": end that one with :END OF MACRO: first");
                }
                open = new MacroParts(m.header(), m.line(), new ArrayList<>());
                macros.add(open);
            } else if (item instanceof MdlScanner.MacroEnd m) {
                if (open == null) {
                    diags.error("VENSIM_MACRO", Where.of(file, null, m.line()),
                            ":END OF MACRO: on line " + m.line() + " has no :MACRO: before it: remove it or add the macro header");
                }
                open = null;
            } else if (item instanceof MdlScanner.Entry e) {
                MdlRecord r = parser.parse(e);
                if (r != null) {
                    (open == null ? main : open.records).add(r);
                }
            }
        }
        if (open != null) {
            diags.error("VENSIM_MACRO", Where.of(file, null, open.line),
                    "the macro started on line " + open.line + " is never closed: add :END OF MACRO: after its equations");
        }

        Subscripts subscripts = Subscripts.resolve(main, file, diags, r -> subscriptFromFile(r, data, file, diags));
        VariableBuilder builder = new VariableBuilder(file, diags, subscripts, data, DataFiles.read(dataFiles, diags));
        List<Variable> variables = variables(main, builder);
        List<Macro> macroList = new ArrayList<>();
        for (MacroParts m : macros) {
            Macro built = macro(m, builder, file, diags);
            if (built != null) {
                macroList.add(built);
            }
        }
        SimSpecs specs = specs(variables, file, diags);
        // the integration method and unit equivalences Vensim saved with the model
        MdlSettings settings = MdlSettings.of(text);
        if (specs != null && settings.method() != null) {
            specs = specs.withMethod(settings.method());
        }
        diags.throwIfErrors();
        String name = sourceForMessages == null ? "model" : baseName(sourceForMessages);
        return new Model(sourceForMessages, name, Dialect.VENSIM, specs, variables, subscripts.dimensions(),
                Map.of(), macroList, settings.unitAliases());
    }

    private record MacroParts(String header, int line, List<MdlRecord> records) {}

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static List<String> subscriptFromFile(MdlRecord.Range r, ExternalData data, String file, Diagnostics diags) {
        try {
            GetCalls.Call call = GetCalls.parse(r.getCall());
            if (call == null || call.kind() != GetCalls.Kind.SUBSCRIPT) {
                diags.error("VENSIM_SUBSCRIPT", Where.of(file, r.name().asWritten(), r.line()),
                        "the subscript range '" + r.name() + "' can only be read with GET DIRECT SUBSCRIPT or"
                                + " GET XLS SUBSCRIPT, not '" + r.getCall() + "'");
                return null;
            }
            return GetCalls.subscript(call, data);
        } catch (DataException e) {
            ExternalData.report(diags, file, r.name().asWritten(), r.line(), e);
            return null;
        }
    }

    /** Groups definitions by canonical name in order of first appearance and builds each variable. */
    private static List<Variable> variables(List<MdlRecord> records, VariableBuilder builder) {
        Map<String, List<MdlRecord.Definition>> byName = new LinkedHashMap<>();
        for (MdlRecord r : records) {
            if (r instanceof MdlRecord.Definition d) {
                byName.computeIfAbsent(d.name().id(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Variable> out = new ArrayList<>();
        for (List<MdlRecord.Definition> defs : byName.values()) {
            Variable v = builder.build(defs);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code NAME(in1, in2 : out1)}: parameters before ':', extra outputs after it. */
    private static Macro macro(MacroParts m, VariableBuilder builder, String file, Diagnostics diags) {
        String h = m.header;
        int open = h.indexOf('(');
        int close = open < 0 ? -1 : Text.closing(h, open);
        if (open <= 0 || close < 0) {
            diags.error("VENSIM_MACRO", Where.of(file, null, m.line),
                    "cannot read the macro header ':MACRO: " + h + "': write ':MACRO: NAME(input1, input2)'");
            return null;
        }
        String inside = h.substring(open + 1, close);
        int colon = inside.indexOf(':');
        List<String> params = names(colon < 0 ? inside : inside.substring(0, colon));
        List<String> outputs = colon < 0 ? List.of() : names(inside.substring(colon + 1));
        for (MdlRecord r : m.records) {
            if (!(r instanceof MdlRecord.Definition)) {
                diags.error("VENSIM_MACRO", Where.of(file, null, r.line()),
                        "a macro may only hold equations, but line " + r.line() + " defines a subscript range:"
                                + " move it out of the macro");
            }
        }
        List<MdlRecord> records = new ArrayList<>();
        for (MdlRecord r : m.records) {
            records.add(r instanceof MdlRecord.Definition d && d.rhs() != null ? new MdlRecord.Definition(d.name(),
                    d.subscripts(), d.except(), d.op(), d.dataMode(), modelSettings(d.rhs()), d.table(), d.units(),
                    d.documentation(), d.range(), d.line()) : r);
        }
        return new Macro(VarName.of(h.substring(0, open)), params, outputs, variables(records, builder), m.line);
    }

    /** A run setting read from inside a macro with Vensim's '$' suffix (TIME STEP$). */
    private static final Pattern SETTING_REFERENCE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_$])(?<![\\p{L}\\p{N}_$][ \\t]{1,10})(initial[ _]+time|final[ _]+time|time[ _]+step|saveper|time)[ \\t]*\\$");

    /**
     * Vensim's macros see only their own names, except a model variable written with a '$' after
     * its name (TIME STEP$ is the model's TIME STEP). The run's settings, which are the ones
     * macros read, are written without the '$', which inside a macro means the run's value.
     */
    static String modelSettings(String rhs) {
        return SETTING_REFERENCE.matcher(rhs).replaceAll("$1");
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String p : Text.splitTopLevel(list, ",")) {
            if (!p.isEmpty()) {
                out.add(VarName.cleanWritten(p));
            }
        }
        return out;
    }

    /**
     * The run settings from INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER, which stay ordinary
     * variables too; values that are not simple arithmetic of constants are NaN for the compiler.
     */
    private static SimSpecs specs(List<Variable> variables, String file, Diagnostics diags) {
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, Variable> byId = new LinkedHashMap<>();
        for (Variable v : variables) {
            byId.put(v.name().id(), v);
            if (v instanceof Aux a && a.dimensions().isEmpty() && a.definition().equation() != null
                    && a.definition().graphicalFunction() == null) {
                scalars.put(v.name().id(), a.definition().equation().text());
            }
        }
        ConstantFolder folder = new ConstantFolder(scalars);
        for (String required : List.of("INITIAL TIME", "FINAL TIME", "TIME STEP")) {
            if (!byId.containsKey(VarName.canonical(required))) {
                diags.error("VENSIM_CONTROL", Where.file(file), "the model has no " + required
                        + " equation: add '" + required + " = <number> ~ units ~ |' to the control section");
            }
        }
        double start = folder.valueOf("initial_time");
        double stop = folder.valueOf("final_time");
        double dt = folder.valueOf("time_step");
        double save = byId.containsKey("saveper") ? folder.valueOf("saveper") : dt;
        String timeUnits = "";
        for (String id : List.of("time_step", "final_time", "initial_time")) {
            Variable v = byId.get(id);
            if (timeUnits.isEmpty() && v != null) {
                timeUnits = v.units();
            }
        }
        return new SimSpecs(start, stop, dt, save, Method.EULER, timeUnits);
    }
}
