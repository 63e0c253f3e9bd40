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
SPEC_FILE = os.path.join(os.path.dirname(__file__), 'punjab_clusters_v2_spec.py')


def import_spec_with_lines():
    """Imports the spec, noting for each variable the spec line (at module level) that defines it:
    the sector header above that line gives the variable's sector (see sectors())."""
    lines = []

    def note(frame, event, arg):
        # each helper (const, aux, stock, flow, gf) adds one variable by SPEC.append
        if event == 'c_call' and getattr(arg, '__name__', '') == 'append' \
                and frame.f_globals.get('SPEC') is getattr(arg, '__self__', None):
            f = frame
            while f is not None and f.f_code.co_name != '<module>':
                f = f.f_back
            lines.append(f.f_lineno if f is not None else 0)
    sys.setprofile(note)
    try:
        import punjab_clusters_v2_spec as spec
    finally:
        sys.setprofile(None)
    if len(lines) != len(spec.SPEC):
        sys.exit('cannot tell which sector header each variable stands under')
    return spec, lines


SPEC_MODULE, SPEC_LINES = import_spec_with_lines()
SPEC, TOWNS, CLASSES = SPEC_MODULE.SPEC, SPEC_MODULE.TOWNS, SPEC_MODULE.CLASSES

# The spec's sector headers ("# ----- name: details") and the diagram page (XMILE <group>) of each;
# tiny sectors share a page. A header not listed here becomes a page of its own, named after it.
SECTOR_PAGES = {
    'switches (one channel each)': 'Levers and switches',
    'policy levers': 'Levers and switches',
    'prices': 'Prices',
    'demand': 'Demand',
    'products': 'Products',
    'location and proximity': 'Location and market',
    'market': 'Location and market',
    'capacity, sales and firms': 'Capacity and firms',
    'vendors': 'Vendors and components',
    'costs, margins, prices': 'Costs',
    'trust and co-operation': 'Trust and co-operation',
    'skills and motivation': 'Skills and motivation',
    "leaders' effort": 'Leaders effort',
    'capability': 'Capability and knowledge pool',
    'the copying lag as an outcome': 'Capability and knowledge pool',
    'totals and reported outputs': 'Totals',
}


def sectors():
    """Each variable's page: the sector header above the spec line that defines it."""
    with open(SPEC_FILE, encoding='utf-8') as f:
        text = f.read().split('\n')
    headers = []
    for i, line in enumerate(text, start=1):
        if line.startswith('# ----'):
            title = line.lstrip('# -').strip()
            key = title.split(':')[0].strip()
            headers.append((i, SECTOR_PAGES.get(key, key[:1].upper() + key[1:])))
    out = {}
    for v, at in zip(SPEC, SPEC_LINES):
        above = [page for line, page in headers if line < at]
        out[v['name']] = above[-1] if above else 'Other'
    return out

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
    tail = groups_xml() + ['    </variables>\n  </model>\n</xmile>\n']
    return ''.join(head + body + tail)


def groups_xml():
    """The sectors as XMILE groups: cdyn diagram --by-group draws one view (page) of each."""
    pages = {}
    for name, page in sectors().items():
        pages.setdefault(page, []).append(name)
    canonical = {n.lower().replace('_', ' ') for n in pages} & {v['name'].lower() for v in SPEC}
    if canonical:
        sys.exit('a sector is named like a variable: ' + ', '.join(sorted(canonical)))
    out = []
    for page, names in pages.items():
        out.append(f'      <group name="{escape(page)}">\n')
        out += [f'        <entity name="{xid(escape(n))}"/>\n' for n in names]
        out.append('      </group>\n')
    return out


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
