#!/usr/bin/env python3
"""Writes models/punjab-clusters.xmile (second edition) and the parameter table of
models/punjab-clusters.md from one list of variables, so that the model file and its parameter
table cannot drift apart.

    python3 models/source/punjab_clusters_v2.py        # from the repository root

Every constant carries a status: 'sourced' (value and the sentence or table it comes from),
'assumed' (value and the range used for uncertainty: scripts read "Status: assumed, range A to B"
from the documentation), 'switch' or 'lever' (0/1 mechanism switches and policy levers),
'normalisation' (a scale with no behavioural content).
"""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(__file__))
from punjab_clusters_v2_spec import SPEC, TOWNS, CLASSES  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))


def xid(name):
    return name.replace(' ', '_')


def doc_of(v):
    d = v['doc']
    if v['kind'] == 'const':
        st = v['status']
        if st == 'assumed':
            d += f" Status: assumed, range {v['lo']:g} to {v['hi']:g}."
        elif st == 'fitted':
            d += f" Status: fitted, 95% interval {v['lo']:g} to {v['hi']:g}."
        elif st == 'sourced':
            d += " Status: sourced."
        else:
            d += f" Status: {st}."
        if v.get('src'):
            d += ' Source: ' + v['src']
    elif v.get('src'):
        d += ' Source: ' + v['src']
    return d


def dims_xml(dims, ind):
    if not dims:
        return ''
    return (ind + '<dimensions>\n' + ''.join(f'{ind}  <dim name="{d}"/>\n' for d in dims)
            + ind + '</dimensions>\n')


def fmt(x):
    if isinstance(x, str):
        return x
    return f'{x:g}'


def var_xml(v):
    ind = '      '
    tag = {'const': 'aux', 'aux': 'aux', 'stock': 'stock', 'flow': 'flow', 'gf': 'aux'}[v['kind']]
    out = [f'{ind}<{tag} name="{escape(v["name"])}">\n']
    out.append(f'{ind}  <doc>{escape(doc_of(v))}</doc>\n')
    out.append(dims_xml(v.get('dims'), ind + '  '))
    if v.get('elements'):
        for sub, val in v['elements'].items():
            out.append(f'{ind}  <element subscript="{sub}"><eqn>{escape(fmt(val))}</eqn></element>\n')
    elif v['kind'] == 'gf':
        xs, ys = v['points']
        out.append(f'{ind}  <eqn>TIME</eqn>\n')
        out.append(f'{ind}  <gf>\n{ind}    <xpts>{",".join(fmt(x) for x in xs)}</xpts>\n'
                   f'{ind}    <ypts>{",".join(fmt(y) for y in ys)}</ypts>\n{ind}  </gf>\n')
    else:
        out.append(f'{ind}  <eqn>{escape(fmt(v["eqn"]))}</eqn>\n')
    if v['kind'] == 'stock':
        for f in v.get('in', []):
            out.append(f'{ind}  <inflow>{xid(f)}</inflow>\n')
        for f in v.get('out', []):
            out.append(f'{ind}  <outflow>{xid(f)}</outflow>\n')
        out.append(f'{ind}  <non_negative/>\n' if v.get('nonneg', True) else '')
    if v['kind'] == 'flow' and not v.get('biflow'):
        out.append(f'{ind}  <non_negative/>\n')
    out.append(f'{ind}  <units>{escape(v["units"])}</units>\n')
    out.append(f'{ind}</{tag}>\n')
    return ''.join(out)


def xmile():
    units = ['firms firm', 'vendors vendor', 'products product', 'workers worker', 'Rs rupee',
             'SEU standard_equipment_unit', 'tubewells tubewell', 'tractors tractor', 'USD us_dollar']
    head = ['<?xml version="1.0" encoding="utf-8"?>\n',
            '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">\n',
            '  <header>\n    <name>Punjab farm-equipment clusters, second edition</name>\n',
            '    <vendor>ClusterDynamics</vendor>\n    <product version="0.2">ClusterDynamics</product>\n',
            '  </header>\n',
            '  <sim_specs method="Euler" time_units="year">\n    <start>1955</start>\n    <stop>2000</stop>\n',
            '    <dt>0.0625</dt>\n  </sim_specs>\n', '  <model_units>\n']
    for u in units:
        n, a = u.split()
        head.append(f'    <unit name="{n}"><eqn/><alias>{a.replace("_", " ")}</alias></unit>\n')
    head.append('  </model_units>\n  <dimensions>\n    <dim name="Cluster">\n')
    head += [f'      <elem name="{t}"/>\n' for t in TOWNS]
    head.append('    </dim>\n    <dim name="Class">\n')
    head += [f'      <elem name="{c}"/>\n' for c in CLASSES]
    head.append('    </dim>\n  </dimensions>\n  <model>\n    <variables>\n')
    body = [var_xml(v) for v in SPEC]
    tail = ['    </variables>\n  </model>\n</xmile>\n']
    return ''.join(head + body + tail)


def md_table():
    rows = ['| parameter | value | units | status | range or source |', '|---|---|---|---|---|']
    for v in SPEC:
        if v['kind'] != 'const':
            continue
        if v.get('elements'):
            val = ', '.join(f'{k} {fmt(x)}' for k, x in v['elements'].items())
        else:
            val = fmt(v['eqn'])
        if v['status'] in ('assumed', 'fitted'):
            rs = ('95% interval ' if v['status'] == 'fitted' else '') + f"{v['lo']:g} to {v['hi']:g}" \
                + (f"; {v['src']}" if v.get('src') and v['status'] == 'assumed' else '')
        else:
            rs = v.get('src', '')
        rows.append(f"| {v['name']} | {val} | {v['units']} | {v['status']} | {rs.replace('|', '/')} |")
    return '\n'.join(rows) + '\n'


if __name__ == '__main__':
    names = [v['name'] for v in SPEC]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit('duplicate names: ' + ', '.join(sorted(dup)))
    with open(os.path.join(ROOT, 'models', 'punjab-clusters.xmile'), 'w', encoding='utf-8') as f:
        f.write(xmile())
    with open(os.path.join(ROOT, 'models', 'source', 'parameter-table.md'), 'w', encoding='utf-8') as f:
        f.write(md_table())
    print(f'{len(SPEC)} variables written')
