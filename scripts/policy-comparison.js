// Policy comparison on the Punjab farm-equipment cluster model (the project's main job).
//
//   java -jar target/cdyn.jar script scripts/policy-comparison.js --out out/policy
//   java -jar target/cdyn.jar script scripts/policy-comparison.js --out out/policy -- --mc-runs 500
//
// Runs six scenarios (history, four policies and the no-cluster counterfactual), and writes into
// the output folder:
//   tables/comparison.csv       key outputs in 1975, 1985, 1994 and 2000, with differences and ratios to the baseline
//   tables/scenarios.csv        what each scenario changes
//   tables/<scenario>.csv       the key outputs of each scenario over time
//   tables/package-uncertainty.csv  percentiles of the collective-efficiency package under uncertain policy strength
//   tables/bands.csv            5th, 50th and 95th percentiles of every output, year and scenario, and of each
//                               scenario's ratio to the baseline, over the model's assumed parameters (Latin
//                               hypercube over the ranges documented as "Status: assumed, range A to B")
//   tables/loop-dominance.csv   Loops That Matter over the baseline: the periods, the loops that explain half of the change,
//                               their names (--loop-names, default models/punjab-loop-names.csv) and paths
//   charts/*.png, charts/*.svg  the key outputs of all scenarios over time, fan charts of the baseline, the package's fan
//                               chart, the loop-dominance chart with the loops' names
//   summary.md                  the main findings in a few sentences
//   report.pdf                  all of the above as a multi-page report

const opts = parseArgs(cdyn.args, {model: 'models/punjab-clusters.xmile', 'mc-runs': '100', 'band-runs': '40',
  seed: '1975', 'loop-names': 'models/punjab-loop-names.csv'});
const model = cdyn.load(opts.model);
const YEARS = [1975, 1985, 1994, 2000];
const OUTPUTS = ['Products Mastered', 'Average Capability', 'Firms', 'Vendors', 'Unit Cost',
  'Local Market Share', 'Trust', 'Copying Lag'];

// every scenario saves four times a year: enough for charts, small tables
const base = model.baseline().time({saveStep: 0.25});
const scenarios = [
  base,
  // "What if the common facility centre opens in 1975 instead of never?"
  base.derive('cfc-1975', {set: {'CFC Programme Start': 1975}}),
  // the standard collective-efficiency package in every cluster
  base.derive('ce-package-1985', {set: {'CFC Programme Start': 1985, 'Extension Programme Start': 1985,
    'Training Programme Start': 1985, 'Cooperation Programme Start': 1985}}),
  // design registration: two more years before copies appear
  base.derive('design-protection-1985', {set: {'Design Protection Start': 1985}}),
  // a time-varying change: the import duty is cut from 40% to 10% in 1980
  base.derive('duty-cut-1980').from(1980, {'Import Duty': 0.1}),
  // the counterfactual: same demand and founders, every firm in its own location
  base.derive('no-cluster', {set: {'Dispersion': 1}}),
];
const descriptions = {
  'baseline': 'History as it happened: no programmes; Mian Channun CFC from 1988 and Daska extension from 1990.',
  'cfc-1975': 'A common facility centre opens in every cluster in 1975 instead of never.',
  'ce-package-1985': 'Facility centres, extension, training and a cooperation programme in every cluster from 1985.',
  'design-protection-1985': 'Design registration from 1985 adds two years before copies appear.',
  'duty-cut-1980': 'The import duty on farm equipment is cut from 40% to 10% in 1980.',
  'no-cluster': 'Counterfactual: same demand and founders, but every firm works in its own location.',
};

const runs = model.runAll(scenarios);
const byName = Object.fromEntries(runs.map(r => [r.name, r]));

// tables
const comparison = cdyn.compare(runs, {outputs: OUTPUTS, at: YEARS, base: 'baseline'});
comparison.writeCsv('tables/comparison.csv');
cdyn.writeCsv('tables/scenarios.csv', cdyn.table(scenarios.map(s => ({
  scenario: s.name, changes: s.changes().filter(c => !c.startsWith('save step')).join('; ') || '(none)',
  description: descriptions[s.name]}))));
for (const r of runs) {
  r.writeCsv('tables/' + r.name + '.csv', OUTPUTS);
}

// charts, each as PNG (documents) and SVG (editing)
const policies = runs.filter(r => r.name !== 'no-cluster');
const charts = [
  ['products', cdyn.chart(policies, ['Products Mastered'], {title: 'Products mastered under each policy'})],
  ['capability', cdyn.chart(policies, ['Average Capability'], {title: 'Average technological capability'})],
  ['firms', cdyn.chart(runs, ['Firms', 'Vendors'], {title: 'Assemblers and vendors', layout: 'grid'})],
  ['cost-and-share', cdyn.chart(runs, ['Unit Cost', 'Local Market Share'], {title: 'Unit cost and local market share',
    layout: 'grid'})],
  ['trust-and-copying', cdyn.chart(policies, ['Trust', 'Copying Lag'], {title: 'Trust and the copying lag',
    layout: 'grid'})],
];

// how sure are we about the model itself? Every scenario is rerun over the same Latin hypercube of the assumed
// parameters (same seed, so run i has the same parameters in every scenario and ratios are paired)
const assumed = assumedRanges(model);
delete assumed['Import Duty']; // a policy lever: the duty-cut scenario sets it
const bandRuns = Number(opts['band-runs']);
const sweeps = {};
for (const sc of scenarios) {
  sweeps[sc.name] = model.sweep({base: sc.time({saveStep: 1}), parameters: assumed, design: 'lhs',
    samples: bandRuns, seed: Number(opts.seed), outputs: OUTPUTS, at: YEARS});
}
const pctl = (xs, p) => {
  const s = xs.filter(Number.isFinite).slice().sort((a, b) => a - b);
  const h = (s.length - 1) * p / 100;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
};
const bandRows = [];
const band = {};
for (const sc of scenarios) {
  for (const v of OUTPUTS) {
    for (const y of YEARS) {
      const xs = sweeps[sc.name].output(v + ' @ ' + y);
      const bs = sweeps['baseline'].output(v + ' @ ' + y);
      const ratio = xs.map((x, i) => bs[i] === 0 ? NaN : x / bs[i]);
      const row = {scenario: sc.name, variable: v, year: y, value: byName[sc.name].at(v, y),
        p5: pctl(xs, 5), p50: pctl(xs, 50), p95: pctl(xs, 95),
        'ratio p5': pctl(ratio, 5), 'ratio p50': pctl(ratio, 50), 'ratio p95': pctl(ratio, 95)};
      bandRows.push(row);
      band[sc.name + '|' + v + '|' + y] = row;
    }
  }
}
cdyn.writeCsv('tables/bands.csv', cdyn.table(bandRows));
const baseMc = model.monteCarlo({base: base.time({saveStep: 1}), runs: bandRuns, seed: Number(opts.seed),
  sampling: 'lhs', parameters: assumed, outputs: ['Products Mastered', 'Average Capability', 'Firms']});
charts.push(['baseline-products-fan', cdyn.fanChart(baseMc, 'Products Mastered',
  {title: 'Products mastered, baseline: uncertainty of the assumed parameters'})]);
charts.push(['baseline-capability-fan', cdyn.fanChart(baseMc, 'Average Capability',
  {title: 'Average capability, baseline: uncertainty of the assumed parameters'})]);

// how sure are we about the package? its strength is uncertain: draw it and look at the spread
const pkg = scenarios.find(s => s.name === 'ce-package-1985').time({saveStep: 1});
const mc = model.monteCarlo({
  base: pkg, runs: Number(opts['mc-runs']), seed: Number(opts.seed), sampling: 'lhs',
  parameters: {
    'CFC Effort Saving': cdyn.triangular(0.1, 0.3, 0.4),
    'Extension Transfer Rate': cdyn.uniform(0.01, 0.04),
    'Training Programme Graduates': cdyn.triangular(20, 60, 120),
    'Cooperation Trust Gain': cdyn.uniform(0.1, 0.45),
  },
  outputs: ['Average Capability', 'Products Mastered'],
});
mc.writeCsv('tables/package-uncertainty.csv');
charts.push(['package-capability-fan', cdyn.fanChart(mc, 'Average Capability',
  {title: 'Average capability with the 1985 package: uncertainty of its strength'})]);
// which feedback loops drive the baseline (Loops That Matter, relative loop scores): a page of the report
// and a table of the periods in which the same loops explain at least half of the change
const loops = model.loops(base, {maxLoops: 2000});
// the main loops' names (models/punjab-loop-names.csv, see models/punjab-clusters.md): keyed by the loop's
// variables, so that they hold whatever number the loop search gives a loop
const loopName = loopNamer(opts['loop-names']);
const structurePath = {};
for (const l of loops.list()) {
  if (!(l.structure in structurePath)) structurePath[l.structure] = l.polarity + ' ' + l.path;
}
const named = id => {
  const n = loopName(structurePath[id] || '');
  return n ? `${n} (${id})` : id;
};
const chartNames = {};
for (const id of Object.keys(structurePath)) {
  if (loopName(structurePath[id])) chartNames[id] = loopName(structurePath[id]);
}
cdyn.writeCsv('tables/loop-dominance.csv', cdyn.table(loops.dominance().map(d => ({
  from: d.from, to: d.to, share: d.share, loops: d.loops.join(' + '), names: d.loops.map(named).join(' + '),
  paths: d.loops.map(id => id + ': ' + (structurePath[id] || '')).join(' | ')}))));
charts.push(['loop-dominance', loops.chart('Which feedback loops drive the baseline (relative loop scores)', undefined,
  chartNames)]);
for (const [name, chart] of charts) {
  chart.write('charts/' + name + '.png');
  chart.write('charts/' + name + '.svg');
}

// findings, computed rather than typed, each with its 5-95% band over the assumed parameters
const at1994 = (scenario, v) => byName[scenario].at(v, 1994);
const change = (scenario, v) => 100 * (at1994(scenario, v) / at1994('baseline', v) - 1);
const ranked = policies.filter(r => r.name !== 'baseline')
  .map(r => [r.name, change(r.name, 'Products Mastered'), change(r.name, 'Average Capability')])
  .sort((a, b) => b[1] - a[1]);
const p = mc.at('Average Capability', 1994);
const pct = x => (x >= 0 ? '+' : '') + x.toFixed(1) + '%';
const rband = (scenario, v) => {
  const b = band[scenario + '|' + v + '|1994'];
  return `${pct(100 * (b['ratio p5'] - 1))} to ${pct(100 * (b['ratio p95'] - 1))}`;
};
const lband = (scenario, v, digits) => {
  const b = band[scenario + '|' + v + '|1994'];
  return `${b.p5.toFixed(digits)} to ${b.p95.toFixed(digits)}`;
};
const findings = [
  `In 1994 the baseline reaches ${at1994('baseline', 'Products Mastered').toFixed(1)} products mastered`
    + ` (5-95%: ${lband('baseline', 'Products Mastered', 1)}) and an average capability of`
    + ` ${at1994('baseline', 'Average Capability').toFixed(3)} (${lband('baseline', 'Average Capability', 3)}),`
    + ` with ${at1994('baseline', 'Firms').toFixed(0)} firms (${lband('baseline', 'Firms', 0)}).`,
  `Ranked by products mastered in 1994: ` + ranked.map(r => `${r[0]} ${pct(r[1])} (capability ${pct(r[2])})`).join(', ') + '.',
  `Bands of the changes in 1994 (5-95% over ${bandRuns} draws of the assumed parameters): `
    + ranked.map(r => `${r[0]} products ${rband(r[0], 'Products Mastered')}, capability ${rband(r[0], 'Average Capability')}`)
      .join('; ') + '.',
  `Without clustering (no-cluster) products mastered in 1994 change by ${pct(change('no-cluster', 'Products Mastered'))}`
    + ` at the central parameter values (5-95% over the draws: ${rband('no-cluster', 'Products Mastered')}) and capability by`
    + ` ${pct(change('no-cluster', 'Average Capability'))} (${rband('no-cluster', 'Average Capability')}).`,
  `Loops That Matter over the baseline (${loops.count} loops found${loops.exhaustive ? '' : ' by the strongest-path search'}):`
    + ` ${loops.dominance().length} periods in which different sets of loops explain half of the change`
    + ` (tables/loop-dominance.csv); in ${loops.dominance().filter(d => d.loops.length === 1).length} of them a single`
    + ` loop does so. Leading longest: ` + leadingLoops(loops.dominance(), named, 5) + ` (loop names: ${opts['loop-names']}).`,
  `With the 1985 package, capability in 1994 lies between ${p.p5.toFixed(3)} and ${p.p95.toFixed(3)} (5th to 95th`
    + ` percentile of ${mc.runs()} runs with uncertain programme strength); the baseline has`
    + ` ${at1994('baseline', 'Average Capability').toFixed(3)}.`,
];
cdyn.writeText('summary.md', '# Policy comparison: Punjab farm-equipment clusters\n\n'
  + findings.map(f => '- ' + f).join('\n') + '\n');

cdyn.report('report.pdf', {
  title: 'Policy scenarios for the Punjab farm-equipment clusters',
  subtitle: 'ClusterDynamics scripted comparison (scripts/policy-comparison.js)',
  notes: ['Model: ' + model.file + ' (second edition). Each scenario changes only the constants or equations listed'
    + ' with it; everything else is the baseline of models/punjab-clusters.md, whose parameters are fitted with cdyn calibrate'
    + ' (six), sourced or assumed with ranges. Bands are 5th to 95th percentiles over ' + bandRuns + ' Latin-hypercube draws of the '
    + Object.keys(assumed).length + ' assumed parameters (tables/bands.csv).'].concat(findings),
  runs: runs, descriptions: descriptions,
  outputs: OUTPUTS, at: YEARS,
  charts: charts.map(c => c[1]),
});

print(cdyn.compare(runs, {outputs: ['Products Mastered', 'Average Capability', 'Firms'], at: [1994]}).format());
findings.forEach(f => print('- ' + f));
print('Written to ' + cdyn.outDir + ': tables/, charts/, summary.md, report.pdf');

// "--name value" pairs after "--" on the command line, over defaults
// A loop's name from a table of {name, match, variables}: the row with exactly the loop's variables
// (subscripts ignored), else the first "contains" row whose variables the loop all passes through
// (as models/source/loop_table.py). No table, no names.
function loopNamer(file) {
  let table = [];
  try {
    table = cdyn.readCsv(file);
  } catch (e) {
    print('no loop names (' + file + '): loops are shown by number');
  }
  const split = text => String(text).split(';').map(v => v.trim()).filter(v => v);
  const rows = table.map(r => ({name: r.name, match: r.match, variables: split(r.variables)}));
  return path => {
    const vs = new Set(path.replace(/^[-+?] /, '').replace(/\[[^\]]*\]/g, '').split(' -> ').map(v => v.trim()));
    const exact = rows.find(r => r.match === 'exact' && r.variables.length === vs.size
      && r.variables.every(v => vs.has(v)));
    if (exact) return exact.name;
    const family = rows.find(r => r.match === 'contains' && r.variables.every(v => vs.has(v)));
    return family ? family.name : null;
  };
}

// The loops that lead the longest in the dominance periods, with their years.
function leadingLoops(periods, named, n) {
  const years = {};
  const spans = {};
  let previous = null;
  for (const d of periods) {
    const start = previous === null ? Math.floor(d.from) : previous;
    const name = named(d.loops[0]);
    years[name] = (years[name] || 0) + (d.to - start);
    (spans[name] = spans[name] || []).push([start, d.to]);
    previous = d.to;
  }
  const merged = s => s.reduce((out, [a, b]) => {
    if (out.length && Math.abs(out[out.length - 1][1] - a) < 1e-9) out[out.length - 1][1] = b; else out.push([a, b]);
    return out;
  }, []).map(([a, b]) => a + '-' + b).join(', ');
  return Object.keys(years).sort((a, b) => years[b] - years[a]).slice(0, n)
    .map(k => `${k} ${years[k].toFixed(1)} years (${merged(spans[k])})`).join('; ');
}

function parseArgs(args, defaults) {
  const out = Object.assign({}, defaults);
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, '');
    if (!(key in defaults) || i + 1 >= args.length) {
      throw new Error(`unknown or incomplete option '${args[i]}'; options: ` + Object.keys(defaults).map(k => '--' + k).join(', '));
    }
    out[key] = args[i + 1];
  }
  return out;
}

// {name: uniform(lo, hi)} for every scalar constant documented as "Status: assumed, range LO to HI."
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
