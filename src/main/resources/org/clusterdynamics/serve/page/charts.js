// Line charts of the what-if page, drawn with Apache ECharts (served from its WebJar).
// One colour per output; the current run solid, the baseline faint, kept runs dashed, the
// Monte Carlo band as shaded areas between percentiles.
'use strict';

const WhatIfCharts = (() => {
  const COLOURS = ['#0b57d0', '#d93025', '#188038', '#e8710a', '#9334e6', '#00838f', '#b06000', '#5f6368'];
  const DASHES = ['dashed', 'dotted', [10, 4, 2, 4], [2, 6], [14, 4]];

  function colour(i) { return COLOURS[i % COLOURS.length]; }
  function dash(i) { return DASHES[i % DASHES.length]; }

  function pairs(time, values) {
    const out = new Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = [time[i], values[i]];
    return out;
  }

  function label(name, units) { return units ? name + ' (' + units + ')' : name; }

  // spec: {title, outputs}; runs: [{name, kind: 'current'|'baseline'|'kept', index, data: {time, series}}]
  // band: {time, percentiles, series} or null; unitsOf(name) gives a variable's units
  // withTitle: exports carry the chart's title; on the page the card shows it
  function option(spec, runs, band, unitsOf, timeUnits, withTitle) {
    const series = [];
    spec.outputs.forEach((out, k) => {
      const c = colour(k);
      if (band && band.series[out]) {
        series.push(bandSeries(out + ' \u2014 band', band.time, band.series[out], c));
      }
      for (const run of runs) {
        const values = run.data && run.data.series[out];
        if (!values) continue;
        // lttb thins only what is drawn (about one point per pixel); the series keeps every value
        const s = { name: out + ' \u2014 ' + run.name, type: 'line', symbol: 'none', showSymbol: false,
          sampling: 'lttb', data: pairs(run.data.time, values), z: 3 };
        if (run.kind === 'baseline') {
          s.lineStyle = { color: c, width: 1.5, opacity: 0.35 };
          s.itemStyle = { color: c, opacity: 0.35 };
          s.z = 1;
        } else if (run.kind === 'kept') {
          s.lineStyle = { color: c, width: 1.5, type: dash(run.index) };
          s.itemStyle = { color: c };
          s.z = 2;
        } else {
          s.lineStyle = { color: c, width: 2.2 };
          s.itemStyle = { color: c };
        }
        series.push(s);
      }
    });
    const units = [...new Set(spec.outputs.map(unitsOf).filter(u => u))];
    const single = spec.outputs.length === 1;
    return {
      animation: false,
      title: { show: !!withTitle, text: spec.title || spec.outputs.join(', '), left: 4, top: 0,
        textStyle: { fontSize: 13 } },
      grid: { left: 64, right: 18, top: withTitle ? 44 : 26, bottom: 76 },
      tooltip: { trigger: 'axis', valueFormatter: v => (typeof v === 'number' ? fmt(v) : v) },
      legend: { bottom: 0, type: 'scroll', textStyle: { fontSize: 11 },
        formatter: name => (single ? name.slice(name.indexOf(' \u2014 ') + 3) : name),
        data: series.filter(s => !s.name.endsWith('band')).map(s => s.name) },
      xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', name: timeUnits || '', nameLocation: 'middle',
        nameGap: 24, axisLabel: { formatter: v => String(v) } },
      yAxis: { type: 'value', scale: false, name: units.join(', '), nameTextStyle: { align: 'left' },
        axisLabel: { formatter: v => fmt(v) } },
      series
    };
  }

  // the 5-95% band as one polygon: up along the 95th percentile, back along the 5th
  function bandSeries(name, time, p, c) {
    const lo = p[0], hi = p[p.length - 1];
    const data = time.map((t, i) => [t, hi[i]]).concat(time.map((t, i) => [t, lo[i]]));
    return { name, type: 'custom', silent: true, z: 0, clip: true, data, encode: { x: 0, y: 1 },
      tooltip: { show: false },
      renderItem: (params, api) => {
        if (params.dataIndex !== 0) return null;
        const pts = [];
        for (let i = 0; i < time.length; i++) pts.push(api.coord([time[i], hi[i]]));
        for (let i = time.length - 1; i >= 0; i--) pts.push(api.coord([time[i], lo[i]]));
        return { type: 'polygon', shape: { points: pts }, style: { fill: c, opacity: 0.16 } };
      } };
  }

  function fmt(v) {
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
    const r = Number(v.toPrecision(4));
    return a >= 10000 ? r.toLocaleString('en') : String(r);
  }

  function svg(opt, width, height) {
    const inst = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    inst.setOption(opt);
    const text = inst.renderToSVGString();
    inst.dispose();
    return text;
  }

  return { option, svg, fmt, colour, dash, label };
})();
