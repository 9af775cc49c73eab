#!/usr/bin/env python3
"""owncode.py <probe-output> <judgments.tsv>: the figures of a judged precision set, split the way the README quotes
them. Overall and "own code" (rows whose reason starts with K:, AB:, BM: or Z: are examples, test harnesses, developer
tooling and vendored code, left out), each per item, per language (by the file's extension), per repository and per
confidence; then the judgment range: every row whose reason says "judgment call" turned the other way."""
import sys, re, os, collections
OUTSIDE = ('K:', 'AB:', 'BM:', 'Z:')
rows = {}
for line in open(sys.argv[2]).read().splitlines()[1:]:
    repo, diff, item, rule, loc, v, reason = line.split('\t')
    rows[(diff, item, loc)] = (repo, v, reason)
found, cur = [], None
for ln in open(sys.argv[1]):
    if ln.startswith('## '): cur = ln[3:].strip(); continue
    m = re.match(r'- (\S+) (\S+) (\S+) (\S+):(\d+) \|', ln)
    if not m or not cur: continue
    item, rule, conf, path, line = m.groups()
    key = (cur, item, f'{os.path.basename(path)}:{line}')
    if key not in rows: sys.exit(f'unjudged: {key}: run precision.py and judge it first')
    repo, v, reason = rows[key]
    lang = 'Go' if path.endswith('.go') else 'Java'
    found.append(dict(item=item, conf=conf, lang=lang, repo=repo, v=v, reason=reason, own=not reason.startswith(OUTSIDE)))

def ratio(fs):
    t = sum(f['v'] == 'T' for f in fs)
    return f"{t} of {len(fs)} ({t / len(fs):.2f})" if fs else "0 of 0"

def report(title, fs):
    print(f"{title}: {ratio(fs)}")
    for key in ('item', 'lang', 'repo', 'conf'):
        groups = collections.defaultdict(list)
        for f in fs: groups[f[key]].append(f)
        print(f"  by {key}: " + ", ".join(f"{k} {ratio(groups[k])}" for k in sorted(groups)))

def flipped(fs):
    t = sum(f['v'] == 'T' for f in fs)
    down = sum(f['v'] == 'T' and 'judgment call' in f['reason'] for f in fs)
    up = sum(f['v'] == 'F' and 'judgment call' in f['reason'] for f in fs)
    n = len(fs)
    return f"{down} true and {up} false rows are judgment calls: {t - down} to {t + up} of {n} ({(t - down) / n:.2f} to {(t + up) / n:.2f})"

own = [f for f in found if f['own']]
report('all findings', found)
report('own code (K, AB, BM, Z out)', own)
outside = collections.Counter(f['reason'].split(':')[0] + ' ' + f['item'] for f in found if not f['own'])
print('outside own code: ' + ', '.join(f'{k} {n}' for k, n in sorted(outside.items())))
print('judgment range, all: ' + flipped(found))
print('judgment range, own code: ' + flipped(own))
falses = collections.Counter(f['reason'].split(':')[0] for f in own if f['v'] == 'F')
print('false classes of own code: ' + ', '.join(f'{k} {n}' for k, n in falses.most_common()))
