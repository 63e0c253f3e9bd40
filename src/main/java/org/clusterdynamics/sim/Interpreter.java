package org.clusterdynamics.sim;

import java.util.List;
import org.clusterdynamics.compile.ArrayOps;
import org.clusterdynamics.compile.ComputedSubscript;
import org.clusterdynamics.compile.LExpr;
import org.clusterdynamics.compile.Ops;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.model.GraphicalFunction;

/**
 * Turns lowered expressions into trees of small {@link Evaluator} objects that the JIT inlines
 * well. Nodes with scratch buffers are not shared between threads: build one tree per runner.
 */
public final class Interpreter {
    private Interpreter() {}

    public static Evaluator build(LExpr e) {
        if (e instanceof LExpr.Const c) {
            double k = c.value();
            return new Evaluator() {
                @Override
                public double eval(Frame f) {
                    return k;
                }
            };
        } else if (e instanceof LExpr.Slot s) {
            int i = s.index();
            return new Evaluator() {
                @Override
                public double eval(Frame f) {
                    return f.v[i];
                }
            };
        } else if (e instanceof LExpr.Param p) {
            return param(p.which());
        } else if (e instanceof LExpr.Unary u) {
            Evaluator x = build(u.operand());
            switch (u.op()) {
                case NEG:
                    return new Evaluator() {
                        @Override
                        public double eval(Frame f) {
                            return -x.eval(f);
                        }
                    };
                case NOT:
                    return new Evaluator() {
                        @Override
                        public double eval(Frame f) {
                            return x.eval(f) == 0 ? 1 : 0;
                        }
                    };
                default:
                    return x;
            }
        } else if (e instanceof LExpr.Binary b) {
            return binary(b.op(), build(b.left()), build(b.right()));
        } else if (e instanceof LExpr.If i) {
            Evaluator c = build(i.condition());
            Evaluator t = build(i.then());
            Evaluator o = build(i.otherwise());
            return new Evaluator() {
                @Override
                public double eval(Frame f) {
                    return c.eval(f) != 0 ? t.eval(f) : o.eval(f);
                }
            };
        } else if (e instanceof LExpr.Fn fn) {
            return function(fn);
        } else if (e instanceof LExpr.Lookup l) {
            Evaluator x = build(l.x());
            GraphicalFunction table = l.table();
            LExpr.LookupMode mode = l.mode();
            if (mode == LExpr.LookupMode.AS_DEFINED) {
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return table.lookup(x.eval(f));
                    }
                };
            }
            return new Evaluator() {
                @Override
                public double eval(Frame f) {
                    return Ops.lookup(table, mode, x.eval(f));
                }
            };
        } else if (e instanceof LExpr.Random r) {
            return random(r);
        } else if (e instanceof LExpr.ArrayFn a) {
            return arrayFunction(a);
        } else if (e instanceof LExpr.ElementAt at) {
            return elementAt(at);
        }
        throw new IllegalArgumentException("cannot interpret " + e);
    }

    private static Evaluator param(LExpr.Param.Which w) {
        switch (w) {
            case TIME:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return f.time;
                    }
                };
            case DT:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return f.dt;
                    }
                };
            case START:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return f.start;
                    }
                };
            case STOP:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return f.stop;
                    }
                };
            default:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return f.saveStep;
                    }
                };
        }
    }

    private static Evaluator binary(BinaryOp op, Evaluator l, Evaluator r) {
        switch (op) {
            case ADD:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) + r.eval(f);
                    }
                };
            case SUB:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) - r.eval(f);
                    }
                };
            case MUL:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) * r.eval(f);
                    }
                };
            case DIV:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) / r.eval(f);
                    }
                };
            case AND:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) != 0 && r.eval(f) != 0 ? 1 : 0;
                    }
                };
            case OR:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return l.eval(f) != 0 || r.eval(f) != 0 ? 1 : 0;
                    }
                };
            default:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return Ops.binary(op, l.eval(f), r.eval(f));
                    }
                };
        }
    }

    private static Evaluator function(LExpr.Fn fn) {
        List<LExpr> args = fn.args();
        Evaluator[] a = new Evaluator[args.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = build(args.get(i));
        }
        LExpr.MathFn m = fn.fn();
        switch (m) {
            case SUM:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        double s = 0;
                        for (Evaluator x : a) {
                            s += x.eval(f);
                        }
                        return s;
                    }
                };
            case MIN:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return Math.min(a[0].eval(f), a[1].eval(f));
                    }
                };
            case MAX:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return Math.max(a[0].eval(f), a[1].eval(f));
                    }
                };
            case EXP:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return Math.exp(a[0].eval(f));
                    }
                };
            case ABS:
                return new Evaluator() {
                    @Override
                    public double eval(Frame f) {
                        return Math.abs(a[0].eval(f));
                    }
                };
            case SAFEDIV:
                if (a.length == 2) {
                    // every division of an XMILE model: as Ops.safeDiv, without the scratch array
                    return new Evaluator() {
                        @Override
                        public double eval(Frame f) {
                            double num = a[0].eval(f);
                            double den = a[1].eval(f);
                            return den == 0 ? 0 : num / den;
                        }
                    };
                }
                break;
            default:
                break;
        }
        double[] scratch = new double[a.length];
        return new Evaluator() {
            @Override
            public double eval(Frame f) {
                for (int i = 0; i < a.length; i++) {
                    scratch[i] = a[i].eval(f);
                }
                return Ops.math(m, scratch, f.time, f.dt);
            }
        };
    }

    private static Evaluator arrayFunction(LExpr.ArrayFn fn) {
        Evaluator[] in = fn.inputs().stream().map(Interpreter::build).toArray(Evaluator[]::new);
        Evaluator[] p = fn.params().stream().map(Interpreter::build).toArray(Evaluator[]::new);
        double[] inputs = new double[in.length];
        double[] params = new double[p.length];
        double[] work = new double[ArrayOps.workSize(fn.kind(), in.length)];
        LExpr.ArrayKind kind = fn.kind();
        int out = fn.outputIndex();
        return new Evaluator() {
            @Override
            public double eval(Frame f) {
                for (int i = 0; i < in.length; i++) {
                    inputs[i] = in[i].eval(f);
                }
                for (int i = 0; i < p.length; i++) {
                    params[i] = p[i].eval(f);
                }
                return ArrayOps.eval(kind, inputs, params, out, work);
            }
        };
    }

    private static Evaluator elementAt(LExpr.ElementAt at) {
        Evaluator[] index = at.indices().stream().map(Interpreter::build).toArray(Evaluator[]::new);
        int[] elements = at.elements().stream().mapToInt(Integer::intValue).toArray();
        int[] sizes = at.sizes().stream().mapToInt(Integer::intValue).toArray();
        String[] where = ComputedSubscript.where(at);
        double[] indices = new double[index.length];
        return new Evaluator() {
            @Override
            public double eval(Frame f) {
                for (int i = 0; i < index.length; i++) {
                    indices[i] = index[i].eval(f);
                }
                return f.v[elements[ComputedSubscript.flat(indices, sizes, where, f.time)]];
            }
        };
    }

    private static Evaluator random(LExpr.Random r) {
        Evaluator[] a = r.args().stream().map(Interpreter::build).toArray(Evaluator[]::new);
        int stream = r.stream();
        LExpr.RandomKind kind = r.kind();
        return new Evaluator() {
            @Override
            public double eval(Frame f) {
                if (f.drawnAt[stream] == f.step) {
                    return f.drawn[stream];
                }
                return RandomDraws.keep(f, stream, RandomDraws.draw(kind, f.random[stream], a, f));
            }
        };
    }
}
