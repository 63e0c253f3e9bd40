package org.clusterdynamics.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled model computed as in single precision, as Vensim's single-precision editions do (and
 * the expected outputs that came from them): every constant and every result of an operation,
 * function, table read or draw is rounded to the nearest float. For +, -, *, / and square roots of
 * floats, a double result rounded to float is exactly the float result, so both backends reproduce
 * float arithmetic; other functions are rounded once from their double value. The simulator rounds
 * the Euler update of stocks likewise. Time itself stays a double.
 */
public final class SinglePrecision {
    private SinglePrecision() {}

    public static CompiledModel of(CompiledModel m) {
        if (m.singlePrecision()) {
            return m;
        }
        List<CompiledModel.StockRate> stocks = new ArrayList<>();
        for (CompiledModel.StockRate r : m.stocks()) {
            stocks.add(new CompiledModel.StockRate(r.slot(), round(r.rate())));
        }
        List<CompiledModel.FixedDelay> delays = new ArrayList<>();
        for (CompiledModel.FixedDelay d : m.delays()) {
            delays.add(new CompiledModel.FixedDelay(d.output(), round(d.input()), round(d.delayTime()),
                    round(d.initial()), d.material() ? round(d.missing()) : null));
        }
        return new CompiledModel(m.source(), m.specs(), m.slotNames(), m.slotKinds(), m.slotUnits(),
                assignments(m.initOrder()), assignments(m.dynamicOrder()), List.copyOf(stocks),
                assignments(m.stepUpdates()), List.copyOf(delays), m.nonNegativeStocks(), m.randomStreams(),
                m.usesDiscreteState(), m.controls(), true, m.conveyors());
    }

    private static List<CompiledModel.Assignment> assignments(List<CompiledModel.Assignment> in) {
        List<CompiledModel.Assignment> out = new ArrayList<>(in.size());
        for (CompiledModel.Assignment a : in) {
            out.add(new CompiledModel.Assignment(a.slot(), round(a.expr())));
        }
        return List.copyOf(out);
    }

    /** The expression with every computed value rounded to float; slots already hold floats. */
    static LExpr round(LExpr e) {
        if (e instanceof LExpr.Const c) {
            return new LExpr.Const((float) c.value());
        } else if (e instanceof LExpr.Slot) {
            return e;
        } else if (e instanceof LExpr.Param) {
            return toSingle(e);
        } else if (e instanceof LExpr.Unary u) {
            return toSingle(new LExpr.Unary(u.op(), round(u.operand())));
        } else if (e instanceof LExpr.Binary b) {
            return toSingle(new LExpr.Binary(b.op(), round(b.left()), round(b.right())));
        } else if (e instanceof LExpr.If i) {
            return new LExpr.If(round(i.condition()), round(i.then()), round(i.otherwise()));
        } else if (e instanceof LExpr.Fn f) {
            return toSingle(new LExpr.Fn(f.fn(), f.args().stream().map(SinglePrecision::round).toList()));
        } else if (e instanceof LExpr.Lookup l) {
            return toSingle(new LExpr.Lookup(l.table(), round(l.x()), l.mode()));
        } else if (e instanceof LExpr.Random r) {
            return toSingle(new LExpr.Random(r.stream(), r.kind(), r.args().stream().map(SinglePrecision::round)
                    .toList()));
        } else if (e instanceof LExpr.ArrayFn a) {
            return toSingle(new LExpr.ArrayFn(a.kind(), a.inputs().stream().map(SinglePrecision::round).toList(),
                    a.params().stream().map(SinglePrecision::round).toList(), a.outputIndex()));
        } else if (e instanceof LExpr.ElementAt at) {
            // the element read is a slot (already a float); only the indices are computed
            return new LExpr.ElementAt(at.source(), at.reader(), at.array(), at.elements(),
                    at.indices().stream().map(SinglePrecision::round).toList(), at.sizes());
        }
        throw new IllegalArgumentException("no single-precision form for " + e);
    }

    private static LExpr toSingle(LExpr e) {
        return new LExpr.Fn(LExpr.MathFn.TO_SINGLE, List.of(e));
    }
}
