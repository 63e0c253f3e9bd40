// The what-if page: controls from GET /api/model, a run per change through POST /api/run,
// charts of the current run beside the baseline and kept runs, a table, CSV and image downloads,
// and a Monte Carlo band through POST /api/montecarlo.
'use strict';

const state = {
  model: null,
  settings: {},          // name -> value of every control moved away from the model's value
  baseline: null,        // {time, series}
  current: null,
  kept: [],              // {name, settings, data, index}
  keptCount: 0,
  charts: [],            // {title, outputs, el, chart}
  band: null,
  units: {},
  inFlight: false,
  pending: false,
  runs: 0,               // answers drawn so far (tests and the benchmark wait on it)
  timing: null           // {startedAt, serverMs, fetchMs, drawMs, totalMs} of the last change
};
window.whatif = state;

const $ = id => document.getElementById(id);

function status(text, error) {
  const s = $('status');
  s.textContent = text;
  s.className = error ? 'error' : '';
}

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
  });
  let json;
  try { json = await res.json(); } catch (e) { throw new Error('the server answered ' + res.status); }
  if (!res.ok) throw new Error(json.error || ('the server answered ' + res.status));
  return json;
}

// ------------------------------------------------------------------ controls

function num(v) { return WhatIfCharts.fmt(v); }

function slider(container, c, opts) {
  const div = document.createElement('div');
  div.className = 'control';
  div.dataset.name = c.name;
  div.title = c.doc || '';
  const unit = c.units && c.units !== 'dmnl' ? ' ' + c.units : '';
  div.innerHTML = '<div class="label"><span class="name"></span><span class="value"></span></div>' +
    '<input type="range"><div class="limits"><span></span><span></span></div>';
  div.querySelector('.name').textContent = c.name;
  const input = div.querySelector('input');
  input.min = c.min; input.max = c.max; input.step = c.step;
  input.setAttribute('aria-label', c.name);
  const value = div.querySelector('.value');
  const lim = div.querySelectorAll('.limits span');
  lim[0].textContent = num(c.min); lim[1].textContent = num(c.max);
  const show = v => { value.textContent = (opts && opts.never && opts.never.checked) ? 'never' : num(v) + unit; };
  const start = Math.min(c.max, Math.max(c.min, c.value));
  input.value = start;
  show(c.value);
  input.addEventListener('input', () => {
    const v = Number(input.value);
    if (opts && opts.never) opts.never.checked = false;
    set(c.name, v, c.value);
    show(v);
    div.classList.toggle('changed', c.name in state.settings);
  });
  div.reset = () => {
    input.value = start; show(c.value); div.classList.remove('changed');
    if (opts && opts.never) opts.never.checked = c.never;
  };
  container.appendChild(div);
  return { div, input, show };
}

function set(name, value, modelValue) {
  if (value === modelValue) delete state.settings[name]; else state.settings[name] = value;
  if (state.band) { state.band = null; $('mc-clear').hidden = true; } // it was the band of other settings
  state.timing = { startedAt: performance.now() };
  requestRun();
}

function buildControls(m) {
  m.levers.forEach(l => slider($('levers'), l));
  $('levers-section').hidden = m.levers.length === 0;
  m.startYears.forEach(s => {
    const never = document.createElement('input');
    never.type = 'checkbox';
    never.checked = s.never;
    const ctl = slider($('starts'), { ...s, step: 1 }, { never });
    const lab = document.createElement('label');
    lab.className = 'never';
    lab.append(never, ' never');
    ctl.div.querySelector('.label').appendChild(lab);
    never.addEventListener('change', () => {
      // "never" is the model's own value when it lies after the run, else a year after it
      const off = s.never ? s.value : m.time.stop + 1;
      if (never.checked) set(s.name, off, s.value); else set(s.name, Number(ctl.input.value), s.value);
      ctl.show(Number(ctl.input.value));
      ctl.div.classList.toggle('changed', s.name in state.settings);
    });
  });
  $('starts-section').hidden = m.startYears.length === 0;
  m.switchFamilies.forEach(f => {
    const fs = document.createElement('fieldset');
    const lg = document.createElement('legend');
    lg.textContent = f.title;
    fs.appendChild(lg);
    f.switches.forEach(sw => {
      const lab = document.createElement('label');
      lab.className = 'toggle control';
      lab.title = sw.doc || '';
      lab.dataset.name = sw.name;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = sw.value === 1;
      box.setAttribute('aria-label', sw.name);
      const span = document.createElement('span');
      span.textContent = sw.name;
      lab.append(box, span);
      box.addEventListener('change', () => {
        lab.classList.toggle('off', !box.checked);
        set(sw.name, box.checked ? 1 : 0, sw.value);
      });
      lab.reset = () => { box.checked = sw.value === 1; lab.classList.toggle('off', !box.checked); };
      lab.classList.toggle('off', !box.checked);
      fs.appendChild(lab);
    });
    $('switches').appendChild(fs);
  });
  $('switches-section').hidden = m.switchFamilies.length === 0;
  const list = $('constant-list');
  m.constants.forEach(c => {
    const o = document.createElement('option');
    o.value = c.name;
    o.label = num(c.value) + (c.units ? ' ' + c.units : '');
    list.appendChild(o);
  });
  $('more-section').hidden = m.constants.length === 0;
  $('constant-search').addEventListener('change', e => {
    const c = m.constants.find(x => x.name.toLowerCase() === e.target.value.trim().toLowerCase());
    if (c && !document.querySelector('#more .control[data-name="' + CSS.escape(c.name) + '"]')) slider($('more'), c);
    e.target.value = '';
  });
}

// ------------------------------------------------------------------ runs

function outputs() {
  const all = new Set();
  state.charts.forEach(c => c.outputs.forEach(o => all.add(o)));
  return [...all];
}

async function requestRun() {
  if (state.inFlight) { state.pending = true; return; }
  state.inFlight = true;
  try {
    do {
      state.pending = false;
      const t = state.timing || { startedAt: performance.now() };
      const f0 = performance.now();
      const data = await api('/api/run', { set: { ...state.settings }, outputs: outputs() });
      t.fetchMs = performance.now() - f0;
      t.serverMs = data.serverMs;
      state.current = data;
      const d0 = performance.now();
      drawAll();
      t.drawMs = performance.now() - d0;
      t.totalMs = performance.now() - t.startedAt;
      state.timing = t;
      state.runs++;
      status('run in ' + t.serverMs.toFixed(1) + ' ms on the server, ' + t.totalMs.toFixed(0)
        + ' ms from the change to the redrawn charts' + changes());
    } while (state.pending);
  } catch (e) {
    status(e.message, true);
  } finally {
    state.inFlight = false;
  }
}

function changes() {
  const n = Object.keys(state.settings).length;
  return n === 0 ? ' (the model as it is)' : ' (' + n + ' change' + (n === 1 ? '' : 's') + ')';
}

// the baseline and kept runs again, for outputs added after they were made
async function refreshOthers() {
  const outs = outputs();
  state.baseline = await api('/api/run', { set: {}, outputs: outs });
  for (const k of state.kept) k.data = await api('/api/run', { set: k.settings, outputs: outs });
}

function runsShown() {
  const runs = [];
  if (state.baseline) runs.push({ name: 'baseline', kind: 'baseline', data: state.baseline });
  state.kept.forEach(k => runs.push({ name: k.name, kind: 'kept', index: k.index, data: k.data }));
  if (state.current) runs.push({ name: 'current', kind: 'current', data: state.current });
  return runs;
}

// ------------------------------------------------------------------ charts

function unitsOf(name) { return state.units[name] || ''; }

function addChart(spec) {
  const card = document.createElement('div');
  card.className = 'card';
  card.innerHTML = '<div class="head"><h3></h3><button class="png">PNG</button><button class="svg">SVG</button>' +
    '<button class="close" title="remove this chart">\u2715</button></div><div class="chips"></div>' +
    '<div class="chart"></div><div class="add"><input type="search" list="variable-list"' +
    ' placeholder="add a variable to this chart"></div>';
  $('charts').appendChild(card);
  const c = { title: spec.title, outputs: [...spec.outputs], el: card, chart: echarts.init(card.querySelector('.chart')) };
  state.charts.push(c);
  card.querySelector('.png').onclick = () => {
    // drawn again with its title for the file, then back as on the page
    c.chart.setOption(option(c, true), true);
    const url = c.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    c.chart.setOption(option(c), true);
    download(fileName(c) + '.png', url);
  };
  card.querySelector('.svg').onclick = () => {
    const text = WhatIfCharts.svg(option(c, true), c.chart.getWidth(), c.chart.getHeight());
    download(fileName(c) + '.svg', URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })));
  };
  card.querySelector('.close').onclick = () => {
    c.chart.dispose(); card.remove(); state.charts.splice(state.charts.indexOf(c), 1); drawTable();
  };
  card.querySelector('.add input').addEventListener('change', async e => {
    const name = known(e.target.value);
    e.target.value = '';
    if (name && !c.outputs.includes(name)) {
      c.outputs.push(name);
      await rerunAll();
    }
  });
  chips(c);
  return c;
}

function chips(c) {
  const box = c.el.querySelector('.chips');
  box.innerHTML = '';
  c.el.querySelector('h3').textContent = c.title || c.outputs.join(', ');
  c.outputs.forEach(o => {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = WhatIfCharts.label(o, unitsOf(o));
    const x = document.createElement('button');
    x.textContent = '\u2715';
    x.title = 'remove ' + o;
    x.onclick = () => {
      if (c.outputs.length > 1) { c.outputs.splice(c.outputs.indexOf(o), 1); chips(c); drawAll(); }
    };
    chip.appendChild(x);
    box.appendChild(chip);
  });
}

function known(text) {
  const t = text.trim().toLowerCase();
  const v = state.model.variables.find(x => x.name.toLowerCase() === t);
  if (!v && t) status('no variable "' + text.trim() + '" in the model; pick one from the list', true);
  return v ? v.name : null;
}

function option(c, withTitle) {
  return WhatIfCharts.option(c, runsShown(), state.band, unitsOf, state.model.time.units, withTitle);
}

function drawAll() {
  for (const c of state.charts) {
    c.chart.setOption(option(c), true);
    c.chart.getZr().flush(); // draw now, so that the time measured includes the drawing
  }
  drawTable();
}

async function rerunAll() {
  try {
    await refreshOthers();
    state.charts.forEach(chips);
    state.timing = { startedAt: performance.now() };
    await requestRun();
  } catch (e) {
    status(e.message, true);
  }
}

// ------------------------------------------------------------------ table, CSV, downloads

function valueAt(data, name, year) {
  const t = data.time, v = data.series[name];
  if (!v) return NaN;
  if (year <= t[0]) return v[0];
  for (let i = 1; i < t.length; i++) {
    if (t[i] >= year) return v[i - 1] + (v[i] - v[i - 1]) * (year - t[i - 1]) / (t[i] - t[i - 1]);
  }
  return v[v.length - 1];
}

function drawTable() {
  const year = Number($('table-year').value);
  const runs = runsShown().reverse();
  const table = $('values');
  table.innerHTML = '';
  const head = table.insertRow();
  ['variable', ...runs.map(r => r.name)].forEach(h => {
    const th = document.createElement('th'); th.textContent = h; head.appendChild(th);
  });
  outputs().forEach(o => {
    const row = table.insertRow();
    row.insertCell().textContent = WhatIfCharts.label(o, unitsOf(o));
    runs.forEach(r => { row.insertCell().textContent = num(valueAt(r.data, o, year)); });
  });
}

function csvText() {
  const runs = runsShown().reverse();
  const outs = outputs();
  const quote = s => /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const cols = ['Time'];
  runs.forEach(r => outs.forEach(o => cols.push(r.name + ': ' + o)));
  const lines = [cols.map(quote).join(',')];
  const time = (state.current || state.baseline).time;
  for (let i = 0; i < time.length; i++) {
    const row = [time[i]];
    runs.forEach(r => outs.forEach(o => row.push(r.data.series[o] ? r.data.series[o][i] : '')));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

function download(name, url) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function fileName(c) {
  return (c.title || c.outputs.join('-')).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'chart';
}

// ------------------------------------------------------------------ kept runs, reset, Monte Carlo

function keep() {
  if (!state.current) return;
  if (state.inFlight) { setTimeout(keep, 50); return; } // keep the answer to the settings shown
  const name = $('run-name').value.trim() || 'run ' + (state.kept.length + 1);
  if (name === 'baseline' || name === 'current' || state.kept.some(k => k.name === name)) {
    status('a run named "' + name + '" is already shown; give another name', true);
    return;
  }
  const index = state.keptCount++; // a line style no other kept run has
  state.kept.push({ name, settings: { ...state.settings }, data: state.current, index });
  $('run-name').value = '';
  drawKept();
  drawAll();
}

function drawKept() {
  const box = $('kept');
  box.innerHTML = '';
  state.kept.forEach(k => {
    const chip = document.createElement('span');
    chip.className = 'chip kept-run';
    chip.title = Object.entries(k.settings).map(([n, v]) => n + ' = ' + v).join('\n') || 'the model as it is';
    const sw = document.createElement('span');
    sw.className = 'swatch';
    const d = WhatIfCharts.dash(k.index);
    sw.style.borderTopStyle = typeof d === 'string' ? d : 'dashed';
    const x = document.createElement('button');
    x.textContent = '\u2715';
    x.title = 'forget ' + k.name;
    x.onclick = () => { state.kept.splice(state.kept.indexOf(k), 1); drawKept(); drawAll(); };
    chip.append(sw, k.name, x);
    box.appendChild(chip);
  });
}

function reset() {
  state.settings = {};
  document.querySelectorAll('.control').forEach(c => c.reset && c.reset());
  state.timing = { startedAt: performance.now() };
  requestRun();
}

async function monteCarlo() {
  const levers = state.model.levers.map(l => l.name);
  const runs = Number($('mc-runs').value);
  const spread = Number($('mc-spread').value) / 100;
  const bar = $('mc-progress');
  try {
    let job = await api('/api/montecarlo', { set: { ...state.settings }, outputs: outputs(), vary: levers, runs, spread });
    bar.hidden = false;
    bar.max = job.total;
    while (job.state === 'running') {
      bar.value = job.done;
      status('Monte Carlo: ' + job.done + ' of ' + job.total + ' runs');
      await new Promise(r => setTimeout(r, 200));
      job = await api('/api/montecarlo/' + encodeURIComponent(job.id));
    }
    bar.hidden = true;
    if (job.state === 'failed') throw new Error(job.error);
    state.band = job.result;
    $('mc-clear').hidden = false;
    status('Monte Carlo band: 5-95% of ' + job.result.runs + ' runs varying ' + job.result.varied.length
      + ' levers by \u00b1' + Math.round(spread * 100) + '%');
    drawAll();
  } catch (e) {
    bar.hidden = true;
    status(e.message, true);
  }
}

// ------------------------------------------------------------------ start

async function start() {
  try {
    const m = await api('/api/model');
    state.model = m;
    document.title = 'What-if: ' + m.title;
    $('title').textContent = 'What-if: ' + m.title;
    m.variables.forEach(v => { state.units[v.name] = v.units; });
    const list = $('variable-list');
    m.variables.forEach(v => {
      const o = document.createElement('option');
      o.value = v.name;
      o.label = (v.units ? v.units + ', ' : '') + v.kind;
      list.appendChild(o);
    });
    buildControls(m);
    $('table-year').value = m.tableYear;
    $('table-year').min = m.time.start;
    $('table-year').max = m.time.stop;
    m.charts.forEach(addChart);
    $('keep').onclick = keep;
    $('reset').onclick = reset;
    $('csv').onclick = () => download('whatif-runs.csv', URL.createObjectURL(new Blob([csvText()], { type: 'text/csv' })));
    $('mc-start').onclick = monteCarlo;
    $('mc-clear').onclick = () => { state.band = null; $('mc-clear').hidden = true; drawAll(); };
    $('table-year').addEventListener('input', drawTable);
    $('add-chart').onclick = async () => {
      const name = known($('new-chart-var').value);
      if (name) { $('new-chart-var').value = ''; addChart({ title: '', outputs: [name] }); await rerunAll(); }
    };
    window.addEventListener('resize', () => state.charts.forEach(c => c.chart.resize()));
    await rerunAll();
  } catch (e) {
    status(e.message, true);
  }
}

start();
