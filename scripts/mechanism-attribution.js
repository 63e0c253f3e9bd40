// Mechanism attribution: how much did each cell of the paper's Table 2 matter?
//
//   java -jar target/cdyn.jar script scripts/mechanism-attribution.js --out out/attribution
//   java -jar target/cdyn.jar script scripts/mechanism-attribution.js --out out/attribution -- --method shapley-sampled --orderings 50
//   java -jar target/cdyn.jar script scripts/mechanism-attribution.js --out out/attribution -- --band-samples 40
//
// Shares the 1994 effect of all fourteen switches (twelve Table 2 cells and two negative effects)
// among them with Shapley values: by default exactly, over all 2^14 = 16,384 combinations of the
// switches; with --method shapley-sampled from random orderings. Beside them, the one-at-a-time
// figures (each switch off, the others on). Bands: the Shapley values (exact by default, 16,384 runs a
// draw; --band-method shapley-sampled for sampled orderings) over a Latin hypercube of the uncertain
// parameters: the assumed ones over their ranges, the fitted ones jointly as the calibration
// estimated them (models/data/fit-all). The default 12 draws make 212,992 runs.
// Writes:
//   shapley.csv            Shapley value, share of the total, standard error, one-at-a-time change
//   shapley-bands.csv      the same with 5th, 50th and 95th percentiles over the parameter draws
//   attribution.csv        one-at-a-time: each switch off in turn (the first edition's method)
//   all-cells-off.csv      all twelve cells off against the no-cluster counterfactual
//   ranking.csv            share of parameter draws in which the central top three keep their order, are the top
//                          three in any order, and the first keeps first place
//   shapley-*.png          bars of the Shapley values with 5-95% whiskers over the parameter draws

const opts = parseArgs(cdyn.args, {model: 'models/punjab-clusters.xmile', method: 'shapley', orderings: '100',
  'band-samples': '12', 'band-method': 'shapley', 'band-orderings': '4', fit: 'models/data/fit-all', seed: '1994'});
const model = cdyn.load(opts.model);
const CELLS = ['Ia', 'Ib', 'Ic', 'Id', 'IIa', 'IIb', 'IIIa', 'IIIb', 'IIIc', 'IVa', 'IVb', 'IVc'];
const NAMES = {
  Ia: 'Ia supplier scale economies', Ib: 'Ib input-price competition', Ic: 'Ic critical minimum demand',
  Id: 'Id specialised suppliers', IIa: 'IIa cost and risk sharing', IIb: 'IIb joint projects',
  IIIa: 'IIIa demonstration', IIIb: 'IIIb learning by doing', IIIc: 'IIIc technology transfer',
  IVa: 'IVa cooperative demonstration', IVb: 'IVb cooperative training', IVc: 'IVc cooperative transfer',
};
const mechanisms = {};
CELLS.forEach(c => { mechanisms[NAMES[c]] = 'Switch ' + c; });
mechanisms['margin squeeze (negative)'] = 'Switch Margin Squeeze';
mechanisms['appropriability (negative)'] = 'Switch Appropriability';

const OUTCOMES = ['Average Capability', 'Products Mastered', 'Firms'];
const base = model.baseline().time({saveStep: 1, stop: 1994});
const seed = Number(opts.seed);

// Shapley values at the documented parameters
const shapley = model.attribution({base: base, mechanisms: mechanisms, outputs: OUTCOMES, at: [1994],
  method: opts.method, orderings: Number(opts.orderings), seed: seed});
shapley.writeCsv('shapley.csv');

// bands: the Shapley values (exact, or sampled orderings the same in every draw) over draws of the uncertain
// parameters; the duty is a policy lever, not an uncertain parameter
const assumed = assumedRanges(model);
delete assumed['Import Duty'];
const fitted = fittedDraws(opts.fit);
const banded = model.attribution({base: base, mechanisms: mechanisms, outputs: OUTCOMES, at: [1994],
  method: opts['band-method'], orderings: Number(opts['band-orderings']), seed: seed,
  parameters: Object.assign({}, assumed, fitted.parameters), correlation: fitted.correlation,
  samples: Number(opts['band-samples'])});
banded.writeCsv('shapley-bands.csv');

const files = {'Average Capability': 'capability', 'Products Mastered': 'products', 'Firms': 'firms'};
for (const v of OUTCOMES) {
  cdyn.attributionChart(shapley, {output: v + ' @ 1994', bands: banded,
    title: `Shapley value of each mechanism for ${v} in 1994`}).write('shapley-' + files[v] + '.png',
    {width: 1800, height: 1800});
}
// how robust is the ranking? against the central top three of the exact values (shapley.csv)
const agreement = {};
for (const v of OUTCOMES) {
  const out = v + ' @ 1994';
  const top3 = topOf(shapley.values(out), 3);
  const draws = banded.draws(out);
  const share = f => draws.filter(d => f(topOf(d.values, 3))).length / draws.length;
  agreement[v] = {top3: top3, order: share(t => t.join('|') === top3.join('|')),
    set: share(t => t.slice().sort().join('|') === top3.slice().sort().join('|')), first: share(t => t[0] === top3[0])};
}
cdyn.writeCsv('ranking.csv', cdyn.table(OUTCOMES.map(v => ({output: v + ' @ 1994',
  'central top three': agreement[v].top3.join('; '),
  'top three in the same order (share of draws)': agreement[v].order,
  'top three in any order (share of draws)': agreement[v].set,
  'top one the same (share of draws)': agreement[v].first}))));

// one at a time, as in the first edition
const attribution = model.attribution({base: base, mechanisms: mechanisms, outputs: OUTCOMES, at: [1994]});
attribution.writeCsv('attribution.csv');

// all cells off against the no-cluster counterfactual (models/punjab-clusters.md explains the difference)
const runs = model.runAll([base,
  base.derive('all Table 2 cells off').off(CELLS.map(c => 'Switch ' + c)),
  base.derive('no-cluster', {set: {Dispersion: 1}})]);
const check = cdyn.compare(runs, {outputs: OUTCOMES, at: [1994]});
check.writeCsv('all-cells-off.csv');

// "how did clustering matter?": the largest Shapley values, with bands
for (const v of OUTCOMES) {
  const out = v + ' @ 1994';
  const vals = shapley.values(out);
  const bands = banded.bands(out);
  const total = shapley.total(out);
  const top = Object.entries(vals).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 4);
  print(`${v} 1994: all switches on minus all off = ${total.toPrecision(4)}; efficiency gap `
    + `${shapley.efficiencyGap(out).toExponential(1)}; ` + top.map(([m, x]) => `${m} ${x >= 0 ? '+' : ''}`
    + `${x.toPrecision(3)} (${(100 * x / total).toFixed(0)}%; 5-95% ${bands[m].p5.toPrecision(2)} to `
    + `${bands[m].p95.toPrecision(2)}; median ${bands[m].p50.toPrecision(2)})`).join(', '));
  print(`  the central top three keep their order in ${(100 * agreement[v].order).toFixed(0)}% of `
    + `${banded.samples()} parameter draws, are the top three in any order in ${(100 * agreement[v].set).toFixed(0)}%, `
    + `the first keeps first place in ${(100 * agreement[v].first).toFixed(0)}% (${banded.method()}, ${banded.runs()} runs)`);
}
print(`${shapley.method()}: ${shapley.runs()} runs`);
print(check.format());

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

// "--name value" pairs after "--" on the command line, over defaults
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
