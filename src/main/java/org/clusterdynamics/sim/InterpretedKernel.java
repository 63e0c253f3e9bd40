package org.clusterdynamics.sim;

/** The reference kernel: evaluator trees built by {@link Interpreter}, for one run's fixed slots. */
final class InterpretedKernel extends Kernel {
    private final int[] initSlots;
    private final Evaluator[] initEvals;
    private final int[] dynSlots;
    private final Evaluator[] dynEvals;
    private final int[] stockSlots;
    private final Evaluator[] rateEvals;
    private final Evaluator[] updEvals;
    private final Evaluator[] delayIn;
    private final Evaluator[] delayTime;
    private final Evaluator[] delayInit;

    InterpretedKernel(int[] initSlots, Evaluator[] initEvals, int[] dynSlots, Evaluator[] dynEvals,
            int[] stockSlots, Evaluator[] rateEvals, Evaluator[] updEvals, Evaluator[] delayIn, Evaluator[] delayTime,
            Evaluator[] delayInit) {
        this.initSlots = initSlots;
        this.initEvals = initEvals;
        this.dynSlots = dynSlots;
        this.dynEvals = dynEvals;
        this.stockSlots = stockSlots;
        this.rateEvals = rateEvals;
        this.updEvals = updEvals;
        this.delayIn = delayIn;
        this.delayTime = delayTime;
        this.delayInit = delayInit;
    }

    @Override
    public void initial(Frame f, boolean[] fixed) {
        double[] v = f.v;
        for (int i = 0; i < initSlots.length; i++) {
            int slot = initSlots[i];
            if (!fixed[slot]) {
                v[slot] = initEvals[i].eval(f);
            }
        }
    }

    @Override
    public void dynamic(Frame f) {
        double[] v = f.v;
        for (int i = 0; i < dynSlots.length; i++) {
            v[dynSlots[i]] = dynEvals[i].eval(f);
        }
    }

    @Override
    public void rates(Frame f, double[] out) {
        for (int i = 0; i < rateEvals.length; i++) {
            out[i] = rateEvals[i].eval(f);
        }
    }

    @Override
    public void euler(Frame f, double[] rates, double dt) {
        double[] v = f.v;
        for (int i = 0; i < stockSlots.length; i++) {
            v[stockSlots[i]] = v[stockSlots[i]] + dt * rates[i];
        }
    }

    @Override
    public void updates(Frame f, double[] out) {
        for (int i = 0; i < updEvals.length; i++) {
            out[i] = updEvals[i].eval(f);
        }
    }

    @Override
    public void delayInputs(Frame f, double[] out) {
        for (int i = 0; i < delayIn.length; i++) {
            out[i] = delayIn[i].eval(f);
        }
    }

    @Override
    public void delaySetup(Frame f, double[] times, double[] initials) {
        for (int i = 0; i < delayTime.length; i++) {
            times[i] = delayTime[i].eval(f);
            initials[i] = delayInit[i].eval(f);
        }
    }
}
