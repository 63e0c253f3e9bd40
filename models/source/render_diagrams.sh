#!/bin/sh
# Draws the cluster model's sector pages and the causal-loop diagram of its main loops into
# docs/images, and writes the table of named loops (models/source/loop-table.md) from a Loops That
# Matter run of the baseline. Run from the repository root after the two regeneration steps of
# models/source/README.md:
#   sh models/source/render_diagrams.sh
set -e
MODEL=models/punjab-clusters.xmile
JAR=${JAR:-target/cdyn.jar}
for view in "Levers and switches" "Prices" "Demand" "Products" "Location and market" "Capacity and firms" \
    "Vendors and components" "Costs" "Trust and co-operation" "Skills and motivation" "Leaders effort" \
    "Capability and knowledge pool" "Totals"; do
  slug=$(echo "$view" | tr 'A-Z ' 'a-z-')
  java -jar "$JAR" diagram "$MODEL" --view "$view" --out "docs/images/punjab-sector-$slug.png" --dpi 72
done
LOOPS_DIR=$(mktemp -d)
java -jar "$JAR" loops "$MODEL" --scores --out "$LOOPS_DIR" > /dev/null
python3 models/source/loop_table.py "$LOOPS_DIR"
# the main loops by name (models/punjab-loop-names.csv), whatever ids the loop search gives them
LOOPS=$(python3 models/source/loop_table.py "$LOOPS_DIR" --ids "spin-offs: skilled workers found firms" \
  "demonstration (IIIa)" "vendors ease entry" "innovation rents fund leaders' learning" "copying ends exclusivity" \
  "orders limit entry" "overcapacity closes firms")
echo "main loops: $LOOPS"
java -jar "$JAR" diagram "$MODEL" --loops "$LOOPS" --out docs/images/punjab-main-loops.png --dpi 72
rm -r "$LOOPS_DIR"
