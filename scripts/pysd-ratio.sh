#!/usr/bin/env bash
# Per-run speed against PySD on the published models of ../shared/real-models/PYSD-TIMINGS.tsv
# (PySD's own per-run times on a 2-core machine like this one): runs `cdyn bench --keep none` on
# each model, prints PySD's time, ours and the ratio per model, then the median ratio.
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
printf '%-28s %12s %12s %10s\n' model pysd_us cdyn_us ratio
ratios=()
while IFS=$'\t' read -r case pysd_s _; do
  [ "$case" = case ] && continue
  file=$(awk -F'\t' -v c="$case" '$1 == c {print $2}' "$models/MANIFEST.tsv")
  model="$models/$case/$file"
  # enough runs for about a second of timing per repetition, at least a few
  runs=$(awk -v s="$pysd_s" 'BEGIN {r = int(0.5 / (s / 1000)); print (r < 5 ? 5 : (r > 2000 ? 2000 : r))}')
  line=$("$cdyn" bench "$model" --keep none --runs "$runs" --reps 5 --compile-reps 1 --warmup-ms 1000 2>/dev/null | grep '^RESULT' || true)
  us=$(sed -n 's/.* median_us=\([0-9.eE+-]*\).*/\1/p' <<<"$line")
  if [ -z "$us" ]; then
    printf '%-28s %12s %12s %10s\n' "$case" "-" "failed" "-"
    continue
  fi
  ratio=$(awk -v p="$pysd_s" -v u="$us" 'BEGIN {printf "%.0f", p * 1e6 / u}')
  ratios+=("$ratio")
  printf '%-28s %12.0f %12.1f %10s\n' "$case" "$(awk -v p="$pysd_s" 'BEGIN {print p * 1e6}')" "$us" "$ratio"
done < "$timings"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${ratios[@]}" | sort -g | awk '{x[NR] = $1} END {m = int((NR + 1) / 2);
  printf "median ratio over %d models: %.0f\n", NR, (NR % 2 ? x[m] : (x[m] + x[m + 1]) / 2)}'
