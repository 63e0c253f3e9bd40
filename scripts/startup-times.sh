#!/usr/bin/env bash
# Median wall and CPU (user+sys) time of N cold starts of a cdyn command: the start-up figures of
# the README's "Speed at scale" section. The machine's load is printed before and after, since
# wall times on a shared machine drift.
#   scripts/startup-times.sh N COMMAND...    e.g. scripts/startup-times.sh 10 bin/cdyn run model.xmile --output /tmp/o.csv
set -euo pipefail
n=$1; shift
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$n"); do
  /usr/bin/time -a -o "$tmp" -f "%e %U %S" "$@" >/dev/null 2>&1 || { echo "command failed: $*"; exit 1; }
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{x[NR]=$1} END {m=int((NR+1)/2); printf "%.2f", (NR%2 ? x[m] : (x[m]+x[m+1])/2)}'; }
wall=$(awk '{print $1}' "$tmp" | median)
cpu=$(awk '{print $2+$3}' "$tmp" | median)
range=$(awk '{print $1}' "$tmp" | sort -g | awk 'NR==1{a=$1} {b=$1} END {printf "%.2f to %.2f", a, b}')
echo "median of $n: wall $wall s, cpu (user+sys) $cpu s; wall from $range s"
