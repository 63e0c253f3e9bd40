package org.clusterdynamics.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import org.clusterdynamics.diag.Where;

/**
 * Ordering: the dependency graph of the slots, sorted for the initial pass and for the dynamic
 * pass (which keeps only what changes during a run); loops are reported as circular definitions.
 */
final class Ordering extends CompilerPass {

    Ordering(Compilation unit) {
        super(unit);
    }

    static void slotRefs(LExpr e, IntConsumer out) {
        if (e == null) {
            return;
        }
        if (e instanceof LExpr.Slot s) {
            out.accept(s.index());
        } else if (e instanceof LExpr.Unary u) {
            slotRefs(u.operand(), out);
        } else if (e instanceof LExpr.Binary b) {
            slotRefs(b.left(), out);
            slotRefs(b.right(), out);
        } else if (e instanceof LExpr.If f) {
            slotRefs(f.condition(), out);
            slotRefs(f.then(), out);
            slotRefs(f.otherwise(), out);
        } else if (e instanceof LExpr.Fn f) {
            for (LExpr a : f.args()) {
                slotRefs(a, out);
            }
        } else if (e instanceof LExpr.Lookup l) {
            slotRefs(l.x(), out);
        } else if (e instanceof LExpr.Random r) {
            for (LExpr a : r.args()) {
                slotRefs(a, out);
            }
        } else if (e instanceof LExpr.ArrayFn a) {
            a.inputs().forEach(x -> slotRefs(x, out));
            a.params().forEach(x -> slotRefs(x, out));
        } else if (e instanceof LExpr.ElementAt at) {
            // any candidate may be read: the equation comes after all of them
            at.elements().forEach(out::accept);
            at.indices().forEach(x -> slotRefs(x, out));
        }
    }

    /** True when the value changes during a run: time, state, or another changing slot. */
    static boolean readsTime(LExpr e) {
        if (e instanceof LExpr.Param p) {
            return p.which() == LExpr.Param.Which.TIME;
        } else if (e instanceof LExpr.Unary u) {
            return readsTime(u.operand());
        } else if (e instanceof LExpr.Binary b) {
            return readsTime(b.left()) || readsTime(b.right());
        } else if (e instanceof LExpr.If f) {
            return readsTime(f.condition()) || readsTime(f.then()) || readsTime(f.otherwise());
        } else if (e instanceof LExpr.Fn f) {
            return Ops.isTimeDependent(f.fn()) || f.args().stream().anyMatch(Ordering::readsTime);
        } else if (e instanceof LExpr.Lookup l) {
            return readsTime(l.x());
        } else if (e instanceof LExpr.ArrayFn a) {
            return a.inputs().stream().anyMatch(Ordering::readsTime)
                    || a.params().stream().anyMatch(Ordering::readsTime);
        } else if (e instanceof LExpr.ElementAt at) {
            return at.indices().stream().anyMatch(Ordering::readsTime);
        } else {
            return e instanceof LExpr.Random;
        }
    }

    /**
     * The slots an expression reads, ascending, each once. Gathered in a list and sorted: a bit set
     * as large as the model cost a scan of its words per equation, which for 70,000 slots was most
     * of the ordering's time (and a set of its own per equation hundreds of megabytes).
     */
    private static int[] refs(LExpr e, SlotList scratch) {
        scratch.size = 0;
        slotRefs(e, scratch);
        int[] a = scratch.items;
        int n = scratch.size;
        Arrays.sort(a, 0, n);
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (distinct == 0 || a[distinct - 1] != a[k]) {
                a[distinct++] = a[k];
            }
        }
        return Arrays.copyOf(a, distinct);
    }

    /** A growable list of slot indices, reused for every equation. */
    private static final class SlotList implements IntConsumer {
        int[] items = new int[64];
        int size;

        @Override
        public void accept(int slot) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = slot;
        }
    }

    List<CompiledModel.Assignment> initOrder() {
        int n = slots.size();
        List<int[]> deps = new ArrayList<>(n);
        SlotList scratch = new SlotList();
        for (int i = 0; i < n; i++) {
            deps.add(refs(slots.get(i).init, scratch));
        }
        int[] order = topoSort(n, deps, i -> true, "initial values");
        List<CompiledModel.Assignment> out = new ArrayList<>();
        for (int i : order) {
            if (slots.get(i).init == null) {
                slots.get(i).init = new LExpr.Const(0);
            }
            out.add(new CompiledModel.Assignment(i, slots.get(i).init));
        }
        return out;
    }

    List<CompiledModel.Assignment> dynamicOrder() {
        int n = slots.size();
        List<int[]> deps = new ArrayList<>(n);
        boolean[] hasDyn = new boolean[n];
        for (int i = 0; i < n; i++) {
            hasDyn[i] = slots.get(i).dyn != null;
        }
        SlotList scratch = new SlotList();
        int[] none = new int[0];
        int[][] reads = new int[n][];
        for (int i = 0; i < n; i++) {
            reads[i] = hasDyn[i] ? refs(slots.get(i).dyn, scratch) : none;
            deps.add(hasDyn[i] ? java.util.stream.IntStream.of(reads[i]).filter(j -> hasDyn[j]).toArray() : none);
        }
        int[] order = topoSort(n, deps, i -> hasDyn[i], "equations");
        // keep only what changes during a run; constants are set once by the initial pass
        boolean[] changing = new boolean[n];
        List<CompiledModel.Assignment> out = new ArrayList<>();
        for (int i : order) {
            LExpr e = slots.get(i).dyn;
            int[] refs = reads[i];
            boolean ch = readsTime(e) || e != slots.get(i).init && !e.equals(slots.get(i).init) || e instanceof LExpr.Param || slots.get(i).clipped;
            for (int k = 0; k < refs.length && !ch; k++) {
                int j = refs[k];
                ch = !hasDyn[j] && (slots.get(j).external || slots.get(j).kind != SlotKind.AUX
                        && slots.get(j).kind != SlotKind.FLOW && slots.get(j).kind != SlotKind.HIDDEN_AUX)
                        || changing[j];
            }
            changing[i] = ch;
            if (ch) {
                out.add(new CompiledModel.Assignment(i, e));
            }
        }
        return out;
    }

    int[] topoSort(int n, List<int[]> deps, java.util.function.IntPredicate included, String what) {
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] order = new int[n];
        int[] count = {0};
        for (int i = 0; i < n; i++) {
            if (included.test(i) && state[i] == 0) {
                visit(i, deps, included, state, order, count, new ArrayDeque<>(), what);
            }
        }
        return Arrays.copyOf(order, count[0]);
    }

    void visit(int root, List<int[]> deps, java.util.function.IntPredicate included, int[] state, int[] order,
            int[] count, Deque<Integer> path, String what) {
        // iterative depth-first search: large models would overflow the stack
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {root, -1});
        state[root] = 1;
        path.push(root);
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int node = top[0];
            // top[1]: the position in the node's (ascending) dependencies last followed
            int[] d = deps.get(node);
            int at = top[1] + 1;
            if (at >= d.length) {
                stack.pop();
                path.pop();
                state[node] = 2;
                order[count[0]++] = node;
                continue;
            }
            top[1] = at;
            int next = d[at];
            if (!included.test(next) || state[next] == 2) {
                continue;
            }
            if (state[next] == 1) {
                reportCycle(path, next, what);
                continue;
            }
            state[next] = 1;
            path.push(next);
            stack.push(new int[] {next, -1});
        }
    }

    void reportCycle(Deque<Integer> path, int back, String what) {
        List<String> names = new ArrayList<>();
        for (int p : path) {
            names.add(0, displayName(p));
            if (p == back) {
                break;
            }
        }
        names.add(displayName(back));
        SlotDef first = slots.get(back);
        diags.error("E005", Where.of(file, first.owner == null ? first.name : first.owner.qualifiedWritten, first.line),
                "circular definition among " + what + ": " + String.join(" -> ", names)
                        + ". Break the loop with a stock (or a SMOOTH/DELAY), or remove one of the references");
    }

    String displayName(int slot) {
        SlotDef s = slots.get(slot);
        return s.name.startsWith("#") && s.owner != null ? s.owner.qualifiedWritten : s.name;
    }
}
