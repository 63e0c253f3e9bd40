package org.clusterdynamics.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.model.Model;
import org.clusterdynamics.sim.Results;
import org.clusterdynamics.sim.RunOptions;
import org.clusterdynamics.sim.Simulator;

/** Compile-and-run helpers shared by the compiler's tests. */
final class CompiledRuns {
    private CompiledRuns() {}

    /** Compiles and runs with the model's own settings. */
    static Results run(Model m) {
        return Simulator.run(ModelCompiler.compile(m), RunOptions.defaults());
    }

    /** Asserts that compiling fails with exactly one error, and returns it. */
    static Diagnostic onlyError(Model m) {
        ModelException e = assertThrows(ModelException.class, () -> ModelCompiler.compile(m));
        List<Diagnostic> errors = e.diagnostics().errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }
}
