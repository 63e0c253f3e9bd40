package org.clusterdynamics.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A stretch of the run led by the same loop. LTM calls dominant the fewest loops whose relative
 * scores add up to at least half of the change; where one loop does so it is listed alone, else
 * the leading loop comes first and the others follow (a large model's change is often spread
 * over many loops).
 *
 * @param from the first time of the period
 * @param to the last time of the period
 * @param loops the loops that together explain half the change at the period's start, strongest
 *     first (empty where nothing changes); the first leads throughout the period
 * @param share the leading loop's mean absolute relative score over the period
 */
public record DominancePeriod(double from, double to, List<String> loops, double share) {

    public DominancePeriod {
        loops = List.copyOf(loops);
    }

    /** At most this many loops are named in a label; the others are counted. */
    static final int NAMED = 3;

    /** "R1" (dominant alone), "R1 leading (with B2, R3 and 4 more for half)", or "none" where no loop acts. */
    public String label() {
        if (loops.isEmpty()) {
            return "none";
        }
        if (loops.size() == 1) {
            return loops.get(0);
        }
        List<String> others = loops.subList(1, Math.min(NAMED, loops.size()));
        int more = loops.size() - 1 - others.size();
        return loops.get(0) + " leading (with " + String.join(", ", others) + (more > 0 ? " and " + more + " more" : "")
                + " for half)";
    }

    /**
     * The periods of dominance over a run, from relative scores by loop: the run is cut into windows
     * of the given length (the save step: finer swings are noise for a reader), each window's loops
     * ranked by their mean absolute relative score, and equal neighbours merged. Row 0 has no score.
     */
    public static List<DominancePeriod> of(double[] times, Map<String, double[]> relative, double window) {
        List<DominancePeriod> out = new ArrayList<>();
        List<String> current = null;
        double start = 0;
        double end = 0;
        double shareSum = 0;
        int n = 0;
        int r = 1;
        while (r < times.length) {
            int first = r;
            double limit = times[first] + window - 1e-9 * Math.max(1, Math.abs(window));
            int last = first;
            while (last + 1 < times.length && times[last + 1] < limit) {
                last++;
            }
            Map<String, Double> mean = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : relative.entrySet()) {
                double sum = 0;
                for (int i = first; i <= last; i++) {
                    sum += Math.abs(e.getValue()[i]);
                }
                mean.put(e.getKey(), sum / (last - first + 1));
            }
            List<Map.Entry<String, Double>> ranked = new ArrayList<>(mean.entrySet());
            ranked.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()));
            List<String> dominant = new ArrayList<>();
            double share = 0;
            for (Map.Entry<String, Double> e : ranked) {
                if (share >= 0.5 - 1e-12 || e.getValue() == 0) {
                    break;
                }
                dominant.add(e.getKey());
                share += e.getValue();
            }
            double lead = dominant.isEmpty() ? 0 : mean.get(dominant.get(0));
            boolean sameLead = current != null && (current.isEmpty() ? dominant.isEmpty()
                    : !dominant.isEmpty() && current.get(0).equals(dominant.get(0)));
            if (sameLead) {
                end = times[last];
                shareSum += lead;
                n++;
            } else {
                if (current != null) {
                    out.add(new DominancePeriod(start, end, current, shareSum / n));
                }
                current = dominant;
                start = times[first];
                end = times[last];
                shareSum = lead;
                n = 1;
            }
            r = last + 1;
        }
        if (current != null) {
            out.add(new DominancePeriod(start, end, current, shareSum / n));
        }
        return out;
    }
}
