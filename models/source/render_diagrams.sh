#!/bin/sh
# Draws the cluster model's sector views and the causal-loop diagram of its main loops into
# docs/images (run from the repository root after the two regeneration steps of README.md here).
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
# the loops' ids as cdyn loops models/punjab-clusters.xmile lists them (see models/punjab-loop-names.csv for their names)
java -jar "$JAR" diagram "$MODEL" --loops ${LOOPS:-R1,R2,R5,R16,B8,B21,B22} --out docs/images/punjab-main-loops.png --dpi 72
