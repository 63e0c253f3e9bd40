package org.clusterdynamics.compile;

/** A slot being built. */
final class SlotDef {
    final String name;
    SlotKind kind;
    final String units;
    final VarInfo owner;
    final int line;
    LExpr init;
    LExpr dyn;
    LExpr rate;
    /** Set by the time loop rather than by an equation (a conveyor's level and flows): it changes. */
    boolean external;
    /** Cut by the time loop after it is computed (a conveyor's inflow): recomputed at every evaluation. */
    boolean clipped;

    SlotDef(String name, SlotKind kind, String units, VarInfo owner, int line) {
        this.name = name;
        this.kind = kind;
        this.units = units;
        this.owner = owner;
        this.line = line;
    }
}
