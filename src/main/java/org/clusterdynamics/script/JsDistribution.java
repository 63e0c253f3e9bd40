package org.clusterdynamics.script;

import org.clusterdynamics.scenario.Distribution;

/** A probability distribution made by cdyn.uniform(...), cdyn.normal(...) and friends, for Monte Carlo and sweeps. */
final class JsDistribution extends ApiObject {
    final Distribution distribution;

    JsDistribution(Distribution d) {
        super(null, "Distribution");
        this.distribution = d;
        }

    @Override
    String describe() {
        return distribution.describe();
    }
}
