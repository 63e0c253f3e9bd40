package org.clusterdynamics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a model in code (tests, examples, generated scenarios) without a file. */
public final class ModelBuilder {
    private final List<Variable> variables = new ArrayList<>();
    private final List<Dimension> dimensions = new ArrayList<>();
    private SimSpecs specs = new SimSpecs(0, 10, 1, 1, Method.EULER, "time");
    private Dialect dialect = Dialect.XMILE;
    private String name = "model";

    public static ModelBuilder xmile() {
        return new ModelBuilder();
    }

    public static ModelBuilder vensim() {
        ModelBuilder b = new ModelBuilder();
        b.dialect = Dialect.VENSIM;
        return b;
    }

    public ModelBuilder name(String n) {
        this.name = n;
        return this;
    }

    public ModelBuilder time(double start, double stop, double dt) {
        specs = new SimSpecs(start, stop, dt, dt, specs.method(), specs.timeUnits());
        return this;
    }

    public ModelBuilder saveStep(double save) {
        specs = specs.withSaveStep(save);
        return this;
    }

    public ModelBuilder method(Method m) {
        specs = specs.withMethod(m);
        return this;
    }

    public ModelBuilder dimension(String dimName, String... elements) {
        dimensions.add(new Dimension(VarName.of(dimName), Arrays.asList(elements)));
        return this;
    }

    public ModelBuilder aux(String varName, String equation) {
        variables.add(new Aux(VarName.of(varName), Definition.of(equation), List.of(), "", "", 0));
        return this;
    }

    public ModelBuilder aux(String varName, String equation, String units) {
        variables.add(new Aux(VarName.of(varName), Definition.of(equation), List.of(), units, "", 0));
        return this;
    }

    public ModelBuilder arrayAux(String varName, List<String> dims, String equation) {
        variables.add(new Aux(VarName.of(varName), Definition.of(equation), dims, "", "", 0));
        return this;
    }

    public ModelBuilder arrayAux(String varName, List<String> dims, List<ElementDefinition> elements) {
        variables.add(new Aux(VarName.of(varName), Definition.perElement(elements), dims, "", "", 0));
        return this;
    }

    public ModelBuilder table(String varName, double[] xs, double[] ys) {
        variables.add(new Aux(VarName.of(varName),
                new Definition(null, new GraphicalFunction(xs, ys, GraphicalFunction.Kind.CONTINUOUS), List.of()),
                List.of(), "", "", 0));
        return this;
    }

    public ModelBuilder flow(String varName, String equation) {
        variables.add(new Flow(VarName.of(varName), Definition.of(equation), false, List.of(), "", "", 0));
        return this;
    }

    public ModelBuilder flow(String varName, String equation, String units) {
        variables.add(new Flow(VarName.of(varName), Definition.of(equation), false, List.of(), units, "", 0));
        return this;
    }

    public ModelBuilder stock(String varName, String initial, List<String> inflows, List<String> outflows) {
        variables.add(new Stock(VarName.of(varName), Definition.of(initial), inflows.stream().map(VarName::of).toList(),
                outflows.stream().map(VarName::of).toList(), null, false, List.of(), "", "", 0));
        return this;
    }

    public ModelBuilder stock(String varName, String initial, List<String> inflows, List<String> outflows, String units) {
        variables.add(new Stock(VarName.of(varName), Definition.of(initial), inflows.stream().map(VarName::of).toList(),
                outflows.stream().map(VarName::of).toList(), null, false, List.of(), units, "", 0));
        return this;
    }

    /** A Vensim-style stock: INTEG(rate, initial). */
    public ModelBuilder integ(String varName, String rate, String initial) {
        variables.add(new Stock(VarName.of(varName), Definition.of(initial), List.of(), List.of(), Definition.of(rate),
                false, List.of(), "", "", 0));
        return this;
    }

    /** A conveyor stock: its first non-leak outflow carries what reaches the end. */
    public ModelBuilder conveyor(String varName, String initial, List<String> inflows, List<String> outflows,
            Conveyor conveyor) {
        variables.add(new Stock(VarName.of(varName), Definition.of(initial), inflows.stream().map(VarName::of).toList(),
                outflows.stream().map(VarName::of).toList(), null, false, List.of(), "", "", 0, conveyor));
        return this;
    }

    /** A conveyor's leakage flow whose equation is the leak fraction. */
    public ModelBuilder leak(String varName, String fraction, Leak leak) {
        variables.add(new Flow(VarName.of(varName), Definition.of(fraction), false, List.of(), "", "", 0, leak));
        return this;
    }

    public ModelBuilder variable(Variable v) {
        variables.add(v);
        return this;
    }

    public Model build() {
        return new Model(null, name, dialect, specs, variables, dimensions, null, null, null);
    }
}
