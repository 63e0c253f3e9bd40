// Mechanism attribution: how much did each cell of the paper's Table 2 matter?
//
//   java -jar target/cdyn.jar script scripts/mechanism-attribution.js --out out/attribution
//   java -jar target/cdyn.jar script scripts/mechanism-attribution.js --out out/attribution -- --method shapley-sampled --orderings 50
//
// Shares the 1994 effect of all fourteen switches (twelve Table 2 cells and two negative effects)
// among them with Shapley values: by default exactly, over all 2^14 = 16,384 combinations of the
// switches (about a minute on two idle cores); with --method shapley-sampled from random orderings.
// Beside them, the one-at-a-time figures (each switch off, the others on). Bands: Shapley values
// from sampled orderings repeated over a Latin hypercube of the assumed parameters.
// Writes:
//   shapley.csv            Shapley value, share of the total, standard error, one-at-a-time change
//   shapley-bands.csv      the same with 5th, 50th and 95th percentiles over the parameter draws
//   attribution.csv        one-at-a-time: each switch off in turn (the first edition's method)
//   all-cells-off.csv      all twelve cells off against the no-cluster counterfactual
//   ranking.csv            share of parameter draws in which the top three keep their order
//   shapley-*.png          bars of the Shapley values with 5-95% whiskers over the parameter draws

const opts = parseArgs(cdyn.args, {model: 'models/punjab-clusters.xmile', method: 'shapley', orderings: '100',
  'band-samples': '20', 'band-orderings': '4', seed: '1994'});
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

// bands: sampled orderings (the same for every draw) over draws of the assumed parameters
const assumed = assumedRanges(model);
const banded = model.attribution({base: base, mechanisms: mechanisms, outputs: OUTCOMES, at: [1994],
  method: 'shapley-sampled', orderings: Number(opts['band-orderings']), seed: seed,
  parameters: assumed, samples: Number(opts['band-samples'])});
banded.writeCsv('shapley-bands.csv');

const files = {'Average Capability': 'capability', 'Products Mastered': 'products', 'Firms': 'firms'};
for (const v of OUTCOMES) {
  cdyn.attributionChart(shapley, {output: v + ' @ 1994', bands: banded,
    title: `Shapley value of each mechanism for ${v} in 1994`}).write('shapley-' + files[v] + '.png',
    {width: 1800, height: 1800});
}
cdyn.writeCsv('ranking.csv', cdyn.table(OUTCOMES.map(v => ({output: v + ' @ 1994',
  'top three in the same order (share of draws)': banded.rankAgreement(v + ' @ 1994', 3),
  'top one the same (share of draws)': banded.rankAgreement(v + ' @ 1994', 1)}))));

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
    + `${bands[m].p95.toPrecision(2)})`).join(', '));
  print(`  top three keep their order in ${(100 * banded.rankAgreement(out, 3)).toFixed(0)}% of `
    + `${banded.samples()} parameter draws (${banded.runs()} runs)`);
}
print(`${shapley.method()}: ${shapley.runs()} runs`);
print(check.format());

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
