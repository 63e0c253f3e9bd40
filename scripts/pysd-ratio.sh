#!/usr/bin/env bash
# Per-run speed against PySD on the published models of ../shared/real-models/PYSD-TIMINGS.tsv
# (PySD's own per-run times on a 2-core machine like this one): runs `cdyn bench --keep none` on
# each model, prints PySD's time, ours (median and fastest of 5 repetitions) and the ratio per model,
# then the median ratio over the models (the fastest repetition is the steadier figure under load).
#   scripts/pysd-ratio.sh [REAL_MODELS_DIR] [CDYN]      defaults: ../shared/real-models, bin/cdyn
# Needs the packaged jar (mvn -B -DskipTests package). Timings drift on a shared machine: the load
# is printed before and after; run it on an idle machine for figures to quote.
set -euo pipefail
cd "$(dirname "$0")/.."
models=${1:-../shared/real-models}
cdyn=${2:-bin/cdyn}
timings="$models/PYSD-TIMINGS.tsv"
[ -f "$timings" ] || { echo "no $timings: give the real-models folder as first argument" >&2; exit 2; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %10s %10s %10s %8s %8s\n' model pysd_us cdyn_us min_us ratio ratio_min
ratios=()
mins=()
while IFS=$'\t' read -r case pysd_s _; do
  [ "$case" = case ] && continue
  file=$(awk -F'\t' -v c="$case" '$1 == c {print $2}' "$models/MANIFEST.tsv")
  model="$models/$case/$file"
  # enough runs for about a second of timing per repetition, at least a few
  runs=$(awk -v s="$pysd_s" 'BEGIN {r = int(0.5 / (s / 1000)); print (r < 5 ? 5 : (r > 2000 ? 2000 : r))}')
  line=$("$cdyn" bench "$model" --keep none --runs "$runs" --reps 5 --compile-reps 1 --warmup-ms 1000 2>/dev/null | grep '^RESULT' || true)
  us=$(sed -n 's/.* median_us=\([0-9.eE+-]*\).*/\1/p' <<<"$line")
  min=$(sed -n 's/.* min_us=\([0-9.eE+-]*\).*/\1/p' <<<"$line")
  if [ -z "$us" ] || [ -z "$min" ]; then
    printf '%-26s %10s %10s\n' "$case" "-" "failed"
    continue
  fi
  ratio=$(awk -v p="$pysd_s" -v u="$us" 'BEGIN {printf "%.0f", p * 1e6 / u}')
  ratio_min=$(awk -v p="$pysd_s" -v u="$min" 'BEGIN {printf "%.0f", p * 1e6 / u}')
  ratios+=("$ratio")
  mins+=("$ratio_min")
  printf '%-26s %10.0f %10.1f %10.1f %8s %8s\n' "$case" "$(awk -v p="$pysd_s" 'BEGIN {print p * 1e6}')" "$us" "$min" \
    "$ratio" "$ratio_min"
done < "$timings"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{x[NR] = $1} END {m = int((NR + 1) / 2); printf "%.0f", (NR % 2 ? x[m] : (x[m] + x[m + 1]) / 2)}'; }
echo "median ratio over ${#ratios[@]} models: $(printf '%s\n' "${ratios[@]}" | median) (from each model's median run time)," \
  "$(printf '%s\n' "${mins[@]}" | median) (from its fastest repetition)"
