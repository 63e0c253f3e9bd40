// A short report: the baseline and the collective-efficiency package, with the uncertainty of
// the baseline under its least certain assumptions.
//
//   java -jar target/cdyn.jar script scripts/report.js --out out/report [-- RUNS]
//
// Writes uncertainty.csv (percentiles over time), uncertain-runs.csv (each run's parameters and
// final values), two fan charts and report.pdf.

const model = cdyn.load('models/punjab-clusters.xmile');
const runsWanted = Number(cdyn.args[0] || 200);
const base = model.baseline().time({saveStep: 0.5});
const pkg = base.derive('ce-package-1985', {set: {'CFC Programme Start': 1985, 'Extension Programme Start': 1985,
  'Training Programme Start': 1985, 'Cooperation Programme Start': 1985}});
const runs = model.runAll([base, pkg]);

// every parameter the model's documentation marks as assumed, drawn uniformly over its stated range
const mc = model.monteCarlo({
  base: base.time({saveStep: 1}), runs: runsWanted, seed: 42, sampling: 'lhs',
  parameters: assumedRanges(model),
  outputs: ['Products Mastered', 'Average Capability', 'Firms'],
});
mc.writeCsv('uncertainty.csv');
cdyn.writeCsv('uncertain-runs.csv', mc.runsTable());
const fans = [
  cdyn.fanChart(mc, 'Products Mastered', {title: 'Products mastered: baseline under uncertain assumptions'}),
  cdyn.fanChart(mc, 'Average Capability', {title: 'Average capability: baseline under uncertain assumptions'}),
];
fans[0].write('fan-products.png');
fans[1].write('fan-capability.png');

const p = mc.at('Products Mastered', 1994);
const note = `Across ${mc.runs()} runs, products mastered in 1994 lie between ${p.p5.toFixed(1)} and`
  + ` ${p.p95.toFixed(1)} (5th to 95th percentile; median ${p.p50.toFixed(1)}), against`
  + ` ${runs[0].at('Products Mastered', 1994).toFixed(1)} with the documented values.`;
cdyn.report('report.pdf', {
  title: 'Punjab clusters: baseline and collective-efficiency package',
  subtitle: 'A short report made by scripts/report.js',
  notes: ['The package starts facility centres, extension, training and cooperation programmes in 1985.', note],
  runs: runs,
  descriptions: {baseline: 'History as it happened.', 'ce-package-1985': 'All four programmes from 1985.'},
  outputs: ['Products Mastered', 'Average Capability', 'Firms', 'Trust'], at: [1985, 1994, 2000],
  charts: [['Products Mastered', 'Average Capability'], ['Trust'], fans[0], fans[1]],
});
print(note);

// {name: uniform(lo, hi)} for every constant documented as "Status: assumed, range LO to HI."
function assumedRanges(m) {
  const out = {};
  for (const v of m.constants()) {
    const r = /Status: assumed, range (-?[0-9.e+-]+) to (-?[0-9.e+-]+)\./.exec(v.documentation);
    if (r && v.dimensions.length === 0 && Number(r[2]) > Number(r[1])) {
      out[v.name] = cdyn.uniform(Number(r[1]), Number(r[2]));
    }
  }
  return out;
}
