#!/usr/bin/env python3
"""Writes models/punjab-clusters.md from punjab-clusters.md.in, the parameter table the model
generator writes, the loop table loop_table.py writes, and the outputs of
scripts/mechanism-attribution.js (ATTRIBUTION_DIR) and scripts/policy-comparison.js (MAIN_DIR):

    python3 models/source/build_md.py ATTRIBUTION_DIR MAIN_DIR
"""
import csv
import os
import sys

HERE = os.path.dirname(__file__)
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))


def rows(path):
    with open(path, encoding='utf-8') as f:
        return list(csv.DictReader(f))


def g(x, d=3):
    return f'{float(x):.{d}g}'


def shapley(att):
    exact = rows(os.path.join(att, 'shapley.csv'))
    bands = {(r['mechanism'], r['output']): r for r in rows(os.path.join(att, 'shapley-bands.csv'))}
    ranking = rows(os.path.join(att, 'ranking.csv'))
    outs = ['Average Capability @ 1994', 'Products Mastered @ 1994', 'Firms @ 1994']
    mechs = []
    for r in exact:
        if r['mechanism'] not in mechs:
            mechs.append(r['mechanism'])
    by = {(r['mechanism'], r['output']): r for r in exact}
    head = '| mechanism | ' + ' | '.join(f'{o.replace(" @ 1994", "")}: Shapley at the central values (share; median and'
                                         f' 5-95% over the draws) | one at a time' for o in outs) + ' |'
    lines = [head, '|---|' + '---|---|' * len(outs)]
    for m in mechs:
        cells = []
        for o in outs:
            r = by[(m, o)]
            b = bands[(m, o)]
            share = float(r['share of total %'])
            cells.append(f"{g(r['shapley'])} ({share:.0f}%; {g(b['p50'], 2)}, {g(b['p5'], 2)} to {g(b['p95'], 2)})"
                         f" | {g(r['one at a time'])}")
        lines.append(f'| {m} | ' + ' | '.join(cells) + ' |')
    tot = []
    for o in outs:
        r = by[(mechs[0], o)]
        s = sum(float(by[(m, o)]['shapley']) for m in mechs)
        tot.append(f"{o.replace(' @ 1994', '')}: all on {g(r['all on'], 4)}, all off {g(r['all off'], 4)}, "
                   f"sum of the values {g(s, 6)} = all on - all off {g(float(r['all on']) - float(r['all off']), 6)}")
    rank = '; '.join(f"{r['output'].replace(' @ 1994', '')} (central top three: {r['central top three']}): the same "
                     f"order in {100 * float(r['top three in the same order (share of draws)']):.0f}% of the draws, the "
                     f"same three in any order in {100 * float(r['top three in any order (share of draws)']):.0f}%, the "
                     f"same first in {100 * float(r['top one the same (share of draws)']):.0f}%" for r in ranking)
    draws = os.environ.get('SHAPLEY_DRAWS', '12')
    return ('Exact over all 2^14 = 16,384 combinations of the fourteen switches at the central parameter values '
            '(1994; the tables are in `models/data/shapley-*-1994.csv`; `scripts/mechanism-attribution.js`); "one at '
            'a time" is all on minus all on but this switch (the first edition\'s figure, which counts interactions in '
            f'every switch it touches); median and 5-95% band: the exact Shapley values in each of {draws} '
            'Latin-hypercube draws of the uncertain parameters (assumed uniformly over their ranges, fitted jointly '
            f'from the calibration; {draws} x 16,384 runs). The draws do not include the central point, and the '
            'model is non-linear: a band need not contain the central value.\n\n' + '\n'.join(lines) + '\n\n'
            + '\n'.join('- ' + t for t in tot) + '\n- Rank agreement over the draws: ' + rank
            + '. The issue asks for 90%: **it does not hold**; the attribution\'s ranking depends on the uncertain'
            ' parameters. What holds is the split between large and small channels (see the bands).\n')


def exact_ranking(att):
    r = {x['output'].replace(' @ 1994', ''): x for x in rows(os.path.join(att, 'ranking.csv'))}
    outs = ['Average Capability', 'Products Mastered', 'Firms']
    pc = lambda o, k: f"{100 * float(r[o][k]):.0f}%"
    return ('With exact Shapley values in each of ' + os.environ.get('SHAPLEY_DRAWS', '12') + ' draws '
            '(`scripts/mechanism-attribution.js`, the table below) the top three keep their order in '
            + ', '.join(pc(o, 'top three in the same order (share of draws)') for o in outs)
            + ' of draws (capability, products, firms), are the top three in any order in '
            + ', '.join(pc(o, 'top three in any order (share of draws)') for o in outs)
            + ', and first place holds in ' + ', '.join(pc(o, 'top one the same (share of draws)') for o in outs)
            + '. The issue asks for 90%: it does not hold.')


def main_job(main):
    with open(os.path.join(main, 'summary.md'), encoding='utf-8') as f:
        summary = f.read().split('\n', 2)[2].strip()
    timing = os.environ.get('MAIN_JOB_TIME', '')
    return 'The main job\'s findings (`scripts/policy-comparison.js`, defaults: 200 draws for the bands and the ' \
           'package, Shapley exact at the central values and over 60 draws with 6 sampled orderings' \
           + (f'; {timing}' if timing else '') + '):\n\n' + summary + '\n'


if __name__ == '__main__':
    att, main = sys.argv[1], sys.argv[2]
    with open(os.path.join(HERE, 'punjab-clusters.md.in'), encoding='utf-8') as f:
        text = f.read()
    with open(os.path.join(HERE, 'parameter-table.md'), encoding='utf-8') as f:
        text = text.replace('@PARAMETER_TABLE@', f.read().strip())
    # the named loops: models/source/loop_table.py writes them from cdyn loops --scores
    with open(os.path.join(HERE, 'loop-table.md'), encoding='utf-8') as f:
        text = text.replace('@LOOP_TABLE@', f.read().strip())
    text = text.replace('@SHAPLEY@', shapley(att).strip()).replace('@MAIN_JOB@', main_job(main).strip())
    text = text.replace('@EXACT_RANKING@', exact_ranking(att))
    with open(os.path.join(ROOT, 'models', 'punjab-clusters.md'), 'w', encoding='utf-8') as f:
        f.write(text)
    print('models/punjab-clusters.md written')
