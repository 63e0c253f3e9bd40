package org.clusterdynamics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.clusterdynamics.compile.CompiledModel;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.compile.SlotKind;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.GraphicalFunction.Kind;
import org.clusterdynamics.model.Method;
import org.clusterdynamics.model.SimSpecs;
import org.junit.jupiter.api.Test;

/**
 * Table reads in generated code (comparison trees for small tables, hinted search for large ones)
 * give the reference's bits for awkward tables and inputs: repeated x values, inner zeros, -0.0,
 * NaN and infinite y values, inputs on points, between them, outside, NaN and -0.0.
 */
class GeneratedTableReadTest {

    private record Read(GraphicalFunction table, LExpr.LookupMode mode) {
        double expected(double x) {
            switch (mode) {
                case EXTRAPOLATE: return table.lookup(x, Kind.EXTRAPOLATE);
                case FORWARD: return table.lookupForward(x);
                case BACKWARD: return table.lookupBackward(x);
                default: return table.lookup(x);
            }
        }
    }

    private static GraphicalFunction randomTable(SplittableRandom rnd, int n, Kind kind) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rnd.nextBoolean() ? rnd.nextInt(-4, 5) : rnd.nextInt(-30, 31) / 3.0;
            switch (rnd.nextInt(12)) {
                case 0: ys[i] = -0.0; break;
                case 1: ys[i] = 0.0; break;
                case 2: ys[i] = Double.NaN; break;
                case 3: ys[i] = Double.POSITIVE_INFINITY; break;
                default: ys[i] = rnd.nextDouble(-10, 10);
            }
        }
        Arrays.sort(xs);
        return new GraphicalFunction(xs, ys, kind);
    }

    /** A model whose slot 0 is the input and every other slot a read of it. */
    private static CompiledModel model(List<Read> reads) {
        int n = reads.size() + 1;
        String[] names = new String[n];
        SlotKind[] kinds = new SlotKind[n];
        String[] units = new String[n];
        List<CompiledModel.Assignment> dyn = new ArrayList<>();
        names[0] = "x";
        kinds[0] = SlotKind.AUX;
        units[0] = "";
        for (int i = 1; i < n; i++) {
            names[i] = "read" + i;
            kinds[i] = SlotKind.AUX;
            units[i] = "";
            Read r = reads.get(i - 1);
            dyn.add(new CompiledModel.Assignment(i, new LExpr.Lookup(r.table(), new LExpr.Slot(0), r.mode())));
        }
        return new CompiledModel("tables", new SimSpecs(0, 1, 1, 1, Method.EULER, ""), names, kinds, units, List.of(),
                dyn, List.of(), List.of(), List.of(), List.of(), 0, false, CompiledModel.RunControls.NONE);
    }

    @Test
    void smallAndLargeTablesReadAsTheReferenceDoes() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Read> reads = new ArrayList<>();
        for (int t = 0; t < 400; t++) {
            int n = t % 10 == 0 ? 65 + rnd.nextInt(40) : 1 + rnd.nextInt(14);
            Kind kind = Kind.values()[rnd.nextInt(3)];
            LExpr.LookupMode mode = LExpr.LookupMode.values()[rnd.nextInt(4)];
            reads.add(new Read(randomTable(rnd, n, kind), mode));
        }
        reads.add(new Read(new GraphicalFunction(new double[] {-1, 0, 1}, new double[] {0.1, 0.7, 3}, Kind.CONTINUOUS),
                LExpr.LookupMode.AS_DEFINED));
        reads.add(new Read(new GraphicalFunction(new double[] {0, 0, 1}, new double[] {5, 7, 3}, Kind.CONTINUOUS),
                LExpr.LookupMode.AS_DEFINED));
        CompiledModel m = model(reads);
        GeneratedCode code = GeneratedCode.compile(m);
        // "private double t0C(double x)", or without "private" when the code is split over part classes
        assertTrue(java.util.regex.Pattern.compile("double t\\d+[CDE]\\(double x\\)").matcher(code.source()).find(),
                "small tables are read by comparison trees");
        assertTrue(code.source().contains("Lookups."), "large tables are read by hinted search");
        Kernel kernel = code.newKernel();
        Frame f = new Frame(m.slotCount(), 0);
        List<Double> inputs = new ArrayList<>(List.of(-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -1.0, 1.0, 1 / 3.0, -10.0, 10.0));
        for (int i = 0; i < 400; i++) {
            inputs.add(rnd.nextBoolean() ? rnd.nextInt(-11, 12) / 3.0 : rnd.nextDouble(-12, 12));
        }
        for (double x : inputs) {
            f.v[0] = x;
            kernel.dynamic(f);
            for (int i = 1; i < m.slotCount(); i++) {
                Read r = reads.get(i - 1);
                double want = r.expected(x);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(f.v[i]),
                        () -> r.mode() + " of " + r.table() + " at " + x + ": want " + want);
            }
        }
    }
}
