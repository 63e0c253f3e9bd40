#!/usr/bin/env python3
"""Writes models/source/loop-table.md (the named loops of the cluster model and the periods in which
they lead the baseline) from the output of Loops That Matter and the names in
models/punjab-loop-names.csv; build_md.py puts it into models/punjab-clusters.md.

    java -jar target/cdyn.jar loops models/punjab-clusters.xmile --scores --out /tmp/loops
    python3 models/source/loop_table.py /tmp/loops
    python3 models/source/loop_table.py /tmp/loops --ids NAME...   # the ids of named loops, for --loops

A loop gets the name of the row whose variables are exactly its variables ("exact", subscripts
ignored), else of the first row whose variables it all passes through ("contains": a family of long
loops). The same rule names the loops in scripts/policy-comparison.js.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(__file__)
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
NAMES = os.path.join(ROOT, 'models', 'punjab-loop-names.csv')


def rows(path):
    with open(path, encoding='utf-8') as f:
        return list(csv.DictReader(f))


def variables(path):
    """The loop's variables without subscripts, in path order."""
    out = []
    for v in re.sub(r'\[[^\]]*\]', '', path).split(' -> '):
        v = v.strip()
        if v and v not in out:
            out.append(v)
    return out


def namer(names):
    exact = {frozenset(v.strip() for v in r['variables'].split(';')): r for r in names if r['match'] == 'exact'}
    families = [(set(v.strip() for v in r['variables'].split(';')), r) for r in names if r['match'] == 'contains']

    def name(vs):
        s = frozenset(vs)
        if s in exact:
            return exact[s]
        for need, r in families:
            if need <= s:
                return r
        return None
    return name


def periods_text(ps):
    """1955-1959, 1962-1963.5: merged where one period ends a step before the next starts."""
    merged = []
    for a, b in ps:
        if merged and a - merged[-1][1] <= 1e-9:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return ', '.join(f'{a:g}-{b:g}' for a, b in merged)


def main(loops_dir):
    name = namer(rows(NAMES))
    loops = rows(os.path.join(loops_dir, 'loops.csv'))
    structure = {}
    for r in loops:
        sid = re.sub(r'\[.*\]$', '', r['loop'])
        if sid not in structure:
            structure[sid] = r
    dominance = [r for r in rows(os.path.join(loops_dir, 'loop-dominance.csv')) if r['partition'] == '1']
    leads, among = {}, {}
    previous_end = None
    for d in dominance:
        # older outputs only label the period: "B6 leading (with B5, B4 for half)", "... and 1 more for half"
        if d.get('loops'):
            # every loop of the period, the leading one first
            first, *others = [x.strip() for x in d['loops'].split('+')]
        else:
            text = d['dominant loops']
            first = re.match(r'([RBU]\d+)', text).group(1)
            others = re.findall(r'([RBU]\d+)', text.split('(with', 1)[1]) if '(with' in text else []
        # the periods tile the run: each starts where the one before ends (the first at the start year)
        start = previous_end if previous_end is not None else float(int(float(d['from'])))
        span = (start, float(d['to']))
        previous_end = float(d['to'])
        leads.setdefault(first, []).append(span)
        for o in others:
            among.setdefault(o, []).append(span)
    table = {}
    for sid, r in structure.items():
        row = name(variables(r['path']))
        if row is None or (sid not in leads and sid not in among):
            continue
        t = table.setdefault(row['name'], {'row': row, 'ids': [], 'leads': [], 'among': []})
        t['ids'].append(sid)
        t['leads'] += leads.get(sid, [])
        t['among'] += among.get(sid, [])
    order = [r['name'] for r in rows(NAMES)]
    lines = ['| loop | name | polarity | variables | leads the change in | helps explain half of it in |',
             '|---|---|---|---|---|---|']
    for n in order:
        if n not in table:
            continue
        t = table[n]
        r = t['row']
        if r['match'] == 'exact':
            vs = ' -> '.join(v.strip() for v in r['variables'].split(';'))
            pol = {'+': 'reinforcing', '-': 'balancing', '?': 'changes sign'}.get(r['polarity'], r['polarity'])
        else:
            vs = 'passes through ' + ' and '.join(v.strip() for v in r['variables'].split(';'))
            pols = sorted({structure[i]['polarity'] for i in t['ids']})
            pol = ' and '.join({'+': 'reinforcing', '-': 'balancing', '?': 'changes sign'}.get(p, p) for p in pols)
        ids = ', '.join(sorted(t['ids'], key=lambda i: (i[0], int(i[1:]))))
        lines.append(f"| {ids} | {n} | {pol} | {vs} | {periods_text(sorted(t['leads'])) or '-'} | "
                     f"{periods_text(sorted(t['among'])) or '-'} |")
    unnamed = sorted({sid for sid in list(leads) + list(among) if name(variables(structure[sid]['path'])) is None},
                     key=lambda i: (i[0], int(i[1:])))
    with open(os.path.join(HERE, 'loop-table.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
        if unnamed:
            f.write('\nLoops among those that explain half of the change in some period but left unnamed: '
                    + ', '.join(unnamed) + ' (see `loops.csv`).\n')
    print('models/source/loop-table.md written (' + str(len(table)) + ' named loops or families)')


def ids(loops_dir, names):
    """The structure ids (R1, B7) that the named loops have in this output, comma-separated, in the
    order of the names; a name no loop has is an error."""
    name = namer(rows(NAMES))
    found = {}
    for r in rows(os.path.join(loops_dir, 'loops.csv')):
        sid = re.sub(r'\[.*\]$', '', r['loop'])
        row = name(variables(r['path']))
        if row is not None and row['match'] == 'exact':
            found.setdefault(row['name'], sid)
    missing = [n for n in names if n not in found]
    if missing:
        sys.exit('no loop is named ' + '; '.join(missing) + ' (see models/punjab-loop-names.csv)')
    return ','.join(found[n] for n in names)


if __name__ == '__main__':
    if len(sys.argv) > 3 and sys.argv[2] == '--ids':
        print(ids(sys.argv[1], sys.argv[3:]))
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit(__doc__)
