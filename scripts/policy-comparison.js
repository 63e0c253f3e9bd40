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
//                               scenario's ratio to the baseline, over draws of the model's uncertain parameters:
//                               the assumed ones uniformly over their documented ranges ("Status: assumed, range
//                               A to B") and the fitted ones jointly from the calibration (normal with the
//                               estimates' standard errors and correlations, models/data/fit-all, truncated to the
//                               fit's search ranges), one Latin hypercube paired across scenarios
//   tables/shapley.csv          Shapley values of the fourteen switches for 1994 (exact over all 2^14 combinations at
//                               the central parameters) with 5-95% bands and medians over parameter draws (sampled
//                               orderings, the same orderings in every draw), and the one-at-a-time figures
//   tables/loop-dominance.csv   Loops That Matter over the baseline: the periods, the loops that explain half of the change,
//                               their names (--loop-names, default models/punjab-loop-names.csv) and paths
//   charts/*.png, charts/*.svg  the key outputs of all scenarios over time, fan charts of the baseline, the package's fan
//                               chart, the loop-dominance chart with the loops' names
//   summary.md                  the main findings in a few sentences
//   report.pdf                  all of the above as a multi-page report

const opts = parseArgs(cdyn.args, {model: 'models/punjab-clusters.xmile', 'mc-runs': '200', 'band-runs': '200',
  'shapley-draws': '60', 'shapley-orderings': '6', 'shapley-central': 'shapley', fit: 'models/data/fit-all',
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

// how sure are we about the model itself? Every scenario is rerun over the same Latin hypercube of the uncertain
// parameters (same seed, so run i has the same parameters in every scenario and ratios are paired): the assumed
// ones over their ranges, the fitted ones jointly as the calibration estimated them
const assumed = assumedRanges(model);
delete assumed['Import Duty']; // a policy lever: the duty-cut scenario sets it
const fitted = fittedDraws(opts.fit);
const uncertain = Object.assign({}, assumed, fitted.parameters);
const bandRuns = Number(opts['band-runs']);
const sweeps = {};
for (const sc of scenarios) {
  sweeps[sc.name] = model.sweep({base: sc.time({saveStep: 1}), parameters: uncertain, correlation: fitted.correlation,
    design: 'lhs', samples: bandRuns, seed: Number(opts.seed), outputs: OUTPUTS, at: YEARS});
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
  sampling: 'lhs', parameters: uncertain, correlation: fitted.correlation,
  outputs: ['Products Mastered', 'Average Capability', 'Firms']});
charts.push(['baseline-products-fan', cdyn.fanChart(baseMc, 'Products Mastered',
  {title: 'Products mastered, baseline: uncertainty of the assumed and fitted parameters'})]);
charts.push(['baseline-capability-fan', cdyn.fanChart(baseMc, 'Average Capability',
  {title: 'Average capability, baseline: uncertainty of the assumed and fitted parameters'})]);

// how sure are we about the package? its strength is uncertain too: draw it with the model's uncertain parameters
const pkg = scenarios.find(s => s.name === 'ce-package-1985').time({saveStep: 1});
const strength = {
  'CFC Effort Saving': cdyn.triangular(0.1, 0.3, 0.4),
  'Extension Transfer Rate': cdyn.uniform(0.01, 0.04),
  'Training Programme Graduates': cdyn.triangular(20, 60, 120),
  'Cooperation Trust Gain': cdyn.uniform(0.1, 0.45),
};
const mc = model.monteCarlo({
  base: pkg, runs: Number(opts['mc-runs']), seed: Number(opts.seed), sampling: 'lhs',
  parameters: Object.assign({}, uncertain, strength), correlation: fitted.correlation,
  outputs: ['Average Capability', 'Products Mastered'],
});
mc.writeCsv('tables/package-uncertainty.csv');
charts.push(['package-capability-fan', cdyn.fanChart(mc, 'Average Capability',
  {title: 'Average capability with the 1985 package: its strength and the model\'s parameters uncertain'})]);

// how did clustering matter? Shapley values of the fourteen switches in 1994: exact (all 2^14 combinations) at the
// central parameters; bands from sampled orderings (the same orderings in every draw) over draws of the uncertain
// parameters. Exact values in every draw cost 16,384 runs a draw: scripts/mechanism-attribution.js does that.
const MECHANISMS = {
  'Ia supplier scale economies': 'Switch Ia', 'Ib input-price competition': 'Switch Ib',
  'Ic critical minimum demand': 'Switch Ic', 'Id specialised suppliers': 'Switch Id',
  'IIa cost and risk sharing': 'Switch IIa', 'IIb joint projects': 'Switch IIb', 'IIIa demonstration': 'Switch IIIa',
  'IIIb learning by doing': 'Switch IIIb', 'IIIc technology transfer': 'Switch IIIc',
  'IVa cooperative demonstration': 'Switch IVa', 'IVb cooperative training': 'Switch IVb',
  'IVc cooperative transfer': 'Switch IVc', 'margin squeeze (negative)': 'Switch Margin Squeeze',
  'appropriability (negative)': 'Switch Appropriability'};
const SH_OUT = ['Average Capability', 'Products Mastered', 'Firms'];
const shBase = model.baseline().time({saveStep: 1, stop: 1994});
const shDraws = Number(opts['shapley-draws']);
const shOrderings = Number(opts['shapley-orderings']);
// --shapley-central shapley-sampled (with --shapley-orderings) replaces the exact values by sampled ones (for tests)
const exact = model.attribution({base: shBase, mechanisms: MECHANISMS, outputs: SH_OUT, at: [1994],
  method: opts['shapley-central'], orderings: shOrderings, seed: Number(opts.seed)});
const centralHow = exact.method() === 'shapley' ? 'exact' : 'sampled';
const shBands = model.attribution({base: shBase, mechanisms: MECHANISMS, outputs: SH_OUT, at: [1994],
  method: 'shapley-sampled', orderings: shOrderings, seed: Number(opts.seed), parameters: uncertain,
  correlation: fitted.correlation, samples: shDraws});
const shapleyRows = [];
const shapleySummary = {};
for (const v of SH_OUT) {
  const out = v + ' @ 1994';
  const vals = exact.values(out);
  const total = exact.total(out);
  const draws = shBands.draws(out);
  const oat = {};
  exact.table().rows().filter(r => r.output === out).forEach(r => { oat[r.mechanism] = r['one at a time']; });
  const top3 = topOf(vals, 3);
  let sameOrder = 0;
  let sameSet = 0;
  let sameFirst = 0;
  for (const d of draws) {
    const t = topOf(d.values, 3);
    if (t.join('|') === top3.join('|')) sameOrder++;
    if (t.slice().sort().join('|') === top3.slice().sort().join('|')) sameSet++;
    if (t[0] === top3[0]) sameFirst++;
  }
  const sampledAtCentre = shBands.values(out);
  const orderingError = Math.max(...Object.keys(vals).map(m => Math.abs(sampledAtCentre[m] - vals[m])));
  for (const m of Object.keys(vals)) {
    const xs = draws.map(d => d.values[m]);
    const os = draws.map(d => d.oneAtATime[m]);
    shapleyRows.push({output: out, mechanism: m, 'shapley (central)': vals[m], 'total effect (central)': total,
      'share of total %': 100 * vals[m] / total, 'shapley p5': pctl(xs, 5), 'shapley p50': pctl(xs, 50),
      'shapley p95': pctl(xs, 95), 'one at a time (central)': oat[m], 'one at a time p5': pctl(os, 5),
      'one at a time p50': pctl(os, 50), 'one at a time p95': pctl(os, 95)});
  }
  const totals = draws.map(d => d.allOn - d.allOff);
  shapleySummary[v] = {vals, total, top3, totals, orderingError, draws,
    sameOrder: sameOrder / draws.length, sameSet: sameSet / draws.length, sameFirst: sameFirst / draws.length};
}
cdyn.writeCsv('tables/shapley.csv', cdyn.table(shapleyRows));
const shFiles = {'Average Capability': 'capability', 'Products Mastered': 'products', 'Firms': 'firms'};
for (const v of SH_OUT) {
  charts.push(['shapley-' + shFiles[v], cdyn.attributionChart(exact, {output: v + ' @ 1994', bands: shBands,
    title: `Shapley value of each mechanism for ${v} in 1994 (5-95% over ${shDraws} draws)`})]);
}
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
  // fourteen bars need a tall chart
  const size = name.startsWith('shapley-') ? {width: 1800, height: 1800} : {};
  chart.write('charts/' + name + '.png', size);
  chart.write('charts/' + name + '.svg', size);
}

// findings, computed rather than typed: each figure is the median over the draws of the uncertain parameters with
// its 5-95% band; the run at the central parameter values is given beside it and labelled as such
const at1994 = (scenario, v) => byName[scenario].at(v, 1994);
const change = (scenario, v) => 100 * (at1994(scenario, v) / at1994('baseline', v) - 1);
const pct = x => (x >= 0 ? '+' : '') + x.toFixed(1) + '%';
const b94 = (scenario, v) => band[scenario + '|' + v + '|1994'];
const rmed = (scenario, v) => 100 * (b94(scenario, v)['ratio p50'] - 1);
const rband = (scenario, v) => `${pct(100 * (b94(scenario, v)['ratio p5'] - 1))} to ${pct(100 * (b94(scenario, v)['ratio p95'] - 1))}`;
const level = (scenario, v, digits) => {
  const b = b94(scenario, v);
  return `${b.p50.toFixed(digits)} (5-95%: ${b.p5.toFixed(digits)} to ${b.p95.toFixed(digits)}; central run`
    + ` ${at1994(scenario, v).toFixed(digits)})`;
};
const ranked = policies.filter(r => r.name !== 'baseline')
  .map(r => [r.name, rmed(r.name, 'Products Mastered'), rmed(r.name, 'Average Capability')])
  .sort((a, b) => b[1] - a[1]);
const p = mc.at('Average Capability', 1994);
const p50 = x => pctl(x, 50);
const sig = (x, d) => Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(d || 2);
const p3 = x => Number(x.toPrecision(3));
const shapleyFinding = v => {
  const s = shapleySummary[v];
  const tops = Object.entries(s.vals).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 4);
  return `Shapley values for ${v} in 1994 (all switches on minus all off: ${sig(p50(s.totals), 3)}, 5-95%`
    + ` ${sig(pctl(s.totals, 5), 3)} to ${sig(pctl(s.totals, 95), 3)}; central run: ${sig(s.total, 3)}): `
    + tops.map(([m, x]) => {
      const xs = s.draws.map(d => d.values[m]);
      return `${m} ${sig(p50(xs))} (5-95% ${sig(pctl(xs, 5))} to ${sig(pctl(xs, 95))}; central ${centralHow} ${sig(x)})`;
    }).join(', ')
    + `. The central top three (${s.top3.join(', ')}) keep their order in ${(100 * s.sameOrder).toFixed(0)}% of the`
    + ` ${s.draws.length} draws, are the top three in any order in ${(100 * s.sameSet).toFixed(0)}%, and the first`
    + ` keeps first place in ${(100 * s.sameFirst).toFixed(0)}%.`;
};
const findings = [
  `In 1994 the baseline reaches a median of ${level('baseline', 'Products Mastered', 1)} products mastered, an`
    + ` average capability of ${level('baseline', 'Average Capability', 3)} and ${level('baseline', 'Firms', 0)} firms.`,
  `Policies ranked by their median effect on products mastered in 1994 (paired draws; 5-95% in brackets; central`
    + ` run after the semicolon): ` + ranked.map(r => `${r[0]} products ${pct(r[1])} (${rband(r[0], 'Products Mastered')};`
    + ` central ${pct(change(r[0], 'Products Mastered'))}), capability ${pct(r[2])}`
    + ` (${rband(r[0], 'Average Capability')}; central ${pct(change(r[0], 'Average Capability'))})`).join('; ') + '.',
  `Without clustering (no-cluster) products mastered in 1994 change by a median of`
    + ` ${pct(rmed('no-cluster', 'Products Mastered'))} (5-95%: ${rband('no-cluster', 'Products Mastered')}; central run`
    + ` ${pct(change('no-cluster', 'Products Mastered'))}), capability by ${pct(rmed('no-cluster', 'Average Capability'))}`
    + ` (${rband('no-cluster', 'Average Capability')}; central ${pct(change('no-cluster', 'Average Capability'))}) and`
    + ` firms by ${pct(rmed('no-cluster', 'Firms'))} (${rband('no-cluster', 'Firms')}; central`
    + ` ${pct(change('no-cluster', 'Firms'))}).`,
].concat(SH_OUT.map(shapleyFinding)).concat([
  (centralHow === 'exact' ? `Shapley design: exact over all 2^14 = 16,384 switch combinations at the central parameters`
    : `Shapley design: ${shOrderings} sampled orderings at the central parameters`) + ` (${exact.runs()} runs,`
    + ` efficiency gaps ${SH_OUT.map(v => exact.efficiencyGap(v + ' @ 1994').toExponential(0)).join(', ')}); bands from`
    + ` ${shOrderings} sampled orderings per draw (the same orderings in every draw) over ${shDraws} draws of the`
    + ` uncertain parameters (${shBands.runs()} runs). At the central parameters those orderings miss the exact values`
    + ` by at most ${SH_OUT.map(v => sig(shapleySummary[v].orderingError) + ' (' + v + ')').join(', ')}`
    + (centralHow === 'exact' ? '' : ' (against the sampled central values)') + ':'
    + ` scripts/mechanism-attribution.js gives exact values in every draw.`,
  `With the 1985 package, capability in 1994 has a median of ${p.p50.toFixed(3)} (5-95%: ${p.p5.toFixed(3)} to`
    + ` ${p.p95.toFixed(3)}) over ${mc.runs()} draws of the programmes' strength and the model's uncertain parameters;`
    + ` the baseline's median is ${b94('baseline', 'Average Capability').p50.toFixed(3)}.`,
  `Loops That Matter over the baseline at the central parameters (${loops.count} loops found${loops.exhaustive ? ''
    : ' by the strongest-path search'}): ${loops.dominance().length} periods in which different sets of loops explain`
    + ` half of the change (tables/loop-dominance.csv); in ${loops.dominance().filter(d => d.loops.length === 1).length}`
    + ` of them a single loop does so. Leading longest: ` + leadingLoops(loops.dominance(), named, 5)
    + ` (loop names: ${opts['loop-names']}).`,
]);
cdyn.writeText('summary.md', '# Policy comparison: Punjab farm-equipment clusters\n\n'
  + findings.map(f => '- ' + f).join('\n') + '\n');

cdyn.report('report.pdf', {
  title: 'Policy scenarios for the Punjab farm-equipment clusters',
  subtitle: 'ClusterDynamics scripted comparison (scripts/policy-comparison.js)',
  notes: ['Model: ' + model.file + ' (second edition). Each scenario changes only the constants or equations listed'
    + ' with it; everything else is the baseline of models/punjab-clusters.md, whose parameters are fitted with cdyn calibrate'
    + ' (six), sourced or assumed with ranges. Figures are medians with 5th to 95th percentiles over ' + bandRuns
    + ' Latin-hypercube draws of the ' + Object.keys(assumed).length + ' assumed parameters (uniform over their ranges) and the '
    + Object.keys(fitted.parameters).length + ' fitted ones (jointly normal with the calibration\'s standard errors and'
    + ' correlations), paired across scenarios (tables/bands.csv); the Outputs table and the scenario charts show the'
    + ' runs at the central parameter values.'].concat(findings),
  runs: runs, descriptions: descriptions,
  outputs: OUTPUTS, at: YEARS,
  tables: [{title: `1994: medians and 5-95% bands over ${bandRuns} draws of the uncertain parameters (change: paired`
    + ` ratio to the baseline); central: the run at the central parameter values`,
  table: cdyn.table([].concat(...scenarios.map(sc => ['Products Mastered', 'Average Capability', 'Firms'].map(v => {
    const b = b94(sc.name, v);
    const short = {'Products Mastered': 'products', 'Average Capability': 'capability', 'Firms': 'firms'};
    const r1 = x => Math.round(10 * x) / 10;
    return {'scenario, output': sc.name + ', ' + short[v], median: b.p50, p5: b.p5, p95: b.p95,
      central: at1994(sc.name, v), 'change %': r1(100 * (b['ratio p50'] - 1)), 'p5 %': r1(100 * (b['ratio p5'] - 1)),
      'p95 %': r1(100 * (b['ratio p95'] - 1))};
  }))))}].concat(SH_OUT.map(v => ({
    title: `Shapley values for ${v} in 1994: ${centralHow} at the central parameters; median and 5-95% over ${shDraws}`
      + ` draws (${shOrderings} sampled orderings each); one at a time: all on minus all on but this switch`,
    table: cdyn.table(shapleyRows.filter(r => r.output === v + ' @ 1994').map(r => ({mechanism: r.mechanism,
      central: p3(r['shapley (central)']), median: p3(r['shapley p50']), p5: p3(r['shapley p5']),
      p95: p3(r['shapley p95']), 'one at a time': p3(r['one at a time (central)']), 'its p5': p3(r['one at a time p5']),
      'its p95': p3(r['one at a time p95'])})))}))),
  charts: charts.map(c => c[1]),
});

print(cdyn.compare(runs, {outputs: ['Products Mastered', 'Average Capability', 'Firms'], at: [1994]}).format());
findings.forEach(f => print('- ' + f));
print('Written to ' + cdyn.outDir + ': tables/, charts/, summary.md, report.pdf');

// the k mechanisms with the largest absolute values, largest first
function topOf(values, k) {
  return Object.entries(values).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, k).map(e => e[0]);
}

// the fitted parameters as the calibration estimated them: normal with the estimate and its standard error,
// truncated to the fit's search range, correlated as the estimates are (cdyn calibrate's tables in dir)
function fittedDraws(dir) {
  const params = {};
  for (const r of cdyn.readCsv(dir + '/parameters.csv')) {
    params[r.parameter] = cdyn.normal(r.estimate, r['std error'], {min: r.lo, max: r.hi});
  }
  const corr = cdyn.readCsv(dir + '/correlation.csv');
  const names = corr.map(r => r.parameter);
  return {parameters: params, correlation: {names: names, matrix: corr.map(r => names.map(n => r[n]))}};
}

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
