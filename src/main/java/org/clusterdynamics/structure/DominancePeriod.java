package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A stretch of the run in which the same loops dominate: the fewest loops, strongest first, whose
 * relative scores add up to at least half of the change (LTM's definition of dominance).
 *
 * @param from the first time of the period
 * @param to the last time of the period
 * @param loops the dominant loops, strongest first (empty where nothing changes)
 * @param share the mean over the period of the dominant loops' combined absolute relative score
 */
public record DominancePeriod(double from, double to, List<String> loops, double share) {

    public DominancePeriod {
        loops = List.copyOf(loops);
    }

    /** "R1", "R1 + B2", or "none" where no loop acts. */
    public String label() {
        return loops.isEmpty() ? "none" : String.join(" + ", loops);
    }

    /** The periods of dominance over a run, from relative scores by loop (row 0 has none and is skipped). */
    public static List<DominancePeriod> of(double[] times, Map<String, double[]> relative) {
        List<DominancePeriod> out = new ArrayList<>();
        List<String> current = null;
        double start = 0;
        double end = 0;
        double shareSum = 0;
        int n = 0;
        for (int r = 1; r < times.length; r++) {
            final int row = r;
            List<Map.Entry<String, double[]>> ranked = new ArrayList<>(relative.entrySet());
            ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[row])));
            List<String> dominant = new ArrayList<>();
            double share = 0;
            for (Map.Entry<String, double[]> e : ranked) {
                double v = Math.abs(e.getValue()[row]);
                if (share >= 0.5 - 1e-12 || v == 0) {
                    break;
                }
                dominant.add(e.getKey());
                share += v;
            }
            if (current != null && current.equals(dominant)) {
                end = times[r];
                shareSum += share;
                n++;
                continue;
            }
            if (current != null) {
                out.add(new DominancePeriod(start, end, current, shareSum / n));
            }
            current = dominant;
            start = times[r];
            end = times[r];
            shareSum = share;
            n = 1;
        }
        if (current != null) {
            out.add(new DominancePeriod(start, end, current, shareSum / n));
        }
        return out;
    }
}
