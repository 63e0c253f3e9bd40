package org.clusterdynamics.io.vensim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clusterdynamics.io.vensim.ExternalData.Area;
import org.clusterdynamics.io.vensim.ExternalData.DataException;
import org.clusterdynamics.io.vensim.ExternalData.Grid;
import org.clusterdynamics.model.GraphicalFunction;

/** Vensim's GET XLS / GET DIRECT calls: recognising them and reading what they ask for. */
final class GetCalls {
    private GetCalls() {}

    /** What a call reads. */
    enum Kind {
        CONSTANTS,
        LOOKUPS,
        DATA,
        SUBSCRIPT
    }

    /** A call with its string arguments (quotes removed). */
    record Call(Kind kind, String function, List<String> args) {}

    private static final Pattern CELL = Pattern.compile("([A-Za-z]{1,3})(\\d+)");

    /**
     * The call when {@code text} is exactly one GET XLS/DIRECT call, null when it is not one;
     * a malformed argument list throws.
     */
    static Call parse(String text) throws DataException {
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")") || Text.closing(s, open) != s.length() - 1) {
            return null;
        }
        String fn = Text.functionKey(s.substring(0, open));
        Kind kind = switch (fn) {
            case "GET XLS CONSTANTS", "GET DIRECT CONSTANTS" -> Kind.CONSTANTS;
            case "GET XLS LOOKUPS", "GET DIRECT LOOKUPS" -> Kind.LOOKUPS;
            case "GET XLS DATA", "GET DIRECT DATA" -> Kind.DATA;
            case "GET XLS SUBSCRIPT", "GET DIRECT SUBSCRIPT" -> Kind.SUBSCRIPT;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (String a : Text.splitArguments(s.substring(open + 1, s.length() - 1))) {
            if (a.length() < 2 || a.charAt(0) != '\'' || a.charAt(a.length() - 1) != '\'') {
                throw new DataException(fn + " takes text arguments in single quotes, but got " + a
                        + ": write it as '" + a.replace("'", "") + "'");
            }
            args.add(a.substring(1, a.length() - 1).strip());
        }
        int want = switch (kind) {
            case CONSTANTS -> 3;
            case LOOKUPS, DATA -> 4;
            case SUBSCRIPT -> 5;
        };
        if (args.size() != want) {
            throw new DataException(fn + " takes " + want + " arguments (" + usage(kind) + ") but got "
                    + args.size());
        }
        return new Call(kind, fn, args);
    }

    private static String usage(Kind kind) {
        return switch (kind) {
            case CONSTANTS -> "'file', 'sheet', 'first cell'";
            case LOOKUPS, DATA -> "'file', 'sheet', 'x row or column', 'first cell'";
            case SUBSCRIPT -> "'file', 'sheet', 'first cell', 'last cell', 'prefix'";
        };
    }

    /**
     * Constants laid out as {@code shape} (sizes of the varying subscripts; empty for one value),
     * flattened row-major: the last subscript runs along a row, the others down, or the other way
     * round when the cell ends in '*'.
     */
    static double[] constants(Call c, ExternalData data, int[] shape) throws DataException {
        Grid g = data.grid(c.args().get(0), c.args().get(1));
        String cell = c.args().get(2);
        boolean transpose = cell.endsWith("*");
        if (transpose) {
            cell = cell.substring(0, cell.length() - 1).strip();
        }
        int[] start = start(g, cell, c);
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        int rows = 1;
        for (int k = 0; k + 1 < shape.length; k++) {
            rows *= shape[k];
        }
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int r = transpose ? start[0] + j : start[0] + i;
                int col = transpose ? start[1] + i : start[1] + j;
                out[i * cols + j] = number(g, r, col, c);
            }
        }
        return out;
    }

    /**
     * {@code count} series (one per element, in row-major element order) of a LOOKUPS or DATA call:
     * x values along the given row (a number) or column (a letter) or in a named range, y values
     * from the first cell on; cells left empty in x or y drop that point.
     */
    static List<GraphicalFunction> series(Call c, ExternalData data, int count, GraphicalFunction.Kind kind)
            throws DataException {
        Grid g = data.grid(c.args().get(0), c.args().get(1));
        String xArg = c.args().get(2);
        int[] start = start(g, c.args().get(3), c);
        boolean across;
        int xIndex;
        int from;
        int to;
        if (xArg.matches("\\d+")) {
            across = true;
            xIndex = Integer.parseInt(xArg) - 1;
            from = start[1];
            to = g.lastCol(xIndex);
        } else if (g.named(xArg) == null && xArg.matches("[A-Za-z]{1,3}")) {
            across = false;
            xIndex = CellReferenceCol.of(xArg);
            from = start[0];
            to = g.lastRow();
        } else {
            Area a = g.named(xArg);
            if (a == null) {
                throw new DataException("'" + xArg + "' in " + c.function() + " is neither a row number, a column letter"
                        + " nor a named range of sheet '" + c.args().get(1) + "': fix the argument");
            }
            across = a.rows() == 1;
            xIndex = across ? a.firstRow() : a.firstCol();
            from = across ? a.firstCol() : a.firstRow();
            to = across ? a.lastCol() : a.lastRow();
        }
        List<GraphicalFunction> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<double[]> points = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                Object x = across ? g.cell(xIndex, i) : g.cell(i, xIndex);
                Object y = across ? g.cell(start[0] + k, i) : g.cell(i, start[1] + k);
                if (x instanceof Double xv && y instanceof Double yv) {
                    points.add(new double[] {xv, yv});
                }
            }
            if (points.isEmpty()) {
                throw new DataException(c.function() + " found no numbers for element " + (k + 1) + " of " + count
                        + " at " + cellName(across ? start[0] + k : start[0], across ? start[1] : start[1] + k)
                        + " of '" + c.args().get(0) + "': check the first cell and the x row or column");
            }
            points.sort((p, q) -> Double.compare(p[0], q[0]));
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = points.get(i)[0];
                ys[i] = points.get(i)[1];
            }
            out.add(new GraphicalFunction(xs, ys, kind));
        }
        return out;
    }

    /** Element names of GET DIRECT SUBSCRIPT: the cells from first to last, each after the prefix. */
    static List<String> subscript(Call c, ExternalData data) throws DataException {
        Grid g = data.grid(c.args().get(0), c.args().get(1));
        int[] a = start(g, c.args().get(2), c);
        String lastArg = c.args().get(3);
        int[] b;
        if (lastArg.isEmpty()) {
            int end = a[1];
            while (g.cell(a[0], end + 1) != null) {
                end++;
            }
            b = new int[] {a[0], end};
        } else {
            b = start(g, lastArg, c);
        }
        List<String> out = new ArrayList<>();
        for (int r = a[0]; r <= b[0]; r++) {
            for (int col = a[1]; col <= b[1]; col++) {
                Object v = g.cell(r, col);
                if (v != null) {
                    out.add(c.args().get(4) + ExternalData.cellText(v));
                }
            }
        }
        if (out.isEmpty()) {
            throw new DataException(c.function() + " found no names between " + c.args().get(2) + " and " + lastArg
                    + " of '" + c.args().get(0) + "': check the cells");
        }
        return out;
    }

    /** Row and column (0-based) of an A1 cell or of the first cell of a named range. */
    private static int[] start(Grid g, String cell, Call c) throws DataException {
        // a name like "abc1" could also be a cell: names defined in the workbook win
        Area a = g.named(cell);
        Matcher m = CELL.matcher(cell);
        if (a == null && m.matches()) {
            return new int[] {Integer.parseInt(m.group(2)) - 1, CellReferenceCol.of(m.group(1))};
        }
        if (a == null) {
            throw new DataException("'" + cell + "' in " + c.function() + " is neither a cell like B2 nor a named range"
                    + " of sheet '" + c.args().get(1) + "' in '" + c.args().get(0) + "': fix the cell");
        }
        return new int[] {a.firstRow(), a.firstCol()};
    }

    private static double number(Grid g, int r, int col, Call c) throws DataException {
        Object v = g.cell(r, col);
        if (v instanceof Double d) {
            return d;
        }
        throw new DataException(c.function() + " needs a number in cell " + cellName(r, col) + " of '"
                + c.args().get(0) + "' (sheet '" + c.args().get(1) + "') but it is "
                + (v == null ? "empty" : "text, not a number") + ": fill the cell or fix the first cell in the call");
    }

    static String cellName(int row, int col) {
        return CellReferenceCol.name(col) + (row + 1);
    }

    /** Excel column letters to a 0-based index and back. */
    static final class CellReferenceCol {
        private CellReferenceCol() {}

        static int of(String letters) {
            int n = 0;
            for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
                n = n * 26 + (ch - 'A' + 1);
            }
            return n - 1;
        }

        static String name(int col) {
            StringBuilder sb = new StringBuilder();
            int n = col + 1;
            while (n > 0) {
                int rem = (n - 1) % 26;
                sb.insert(0, (char) ('A' + rem));
                n = (n - 1) / 26;
            }
            return sb.toString();
        }
    }
}
