#!/usr/bin/env python3
"""score.py <probe-output> [label] [expected.tsv] [lines]: recall of the expected findings against ProbeDiffs.java's
output (same file, an equivalent item, within `lines` lines of the defect line, default 3)."""
import sys, re, collections
EQUIV = {'RES-01': {'RES-01', 'RES-02', 'RES-04'}, 'RES-02': {'RES-01', 'RES-02'}, 'RES-03': {'RES-03', 'TMO-03'},
         'TMO-03': {'TMO-03'}, 'TMO-02': {'TMO-02'}, 'TMO-01': {'TMO-01'}, 'CONC-05': {'CONC-05'}, 'CONC-04': {'CONC-04'},
         'CONC-01': {'CONC-01', 'CONC-07'}, 'TX-01': {'TX-01', 'TX-02'}}
found = collections.defaultdict(list); cur = None
for ln in open(sys.argv[1]):
    if ln.startswith('## '): cur = ln[3:].strip().removesuffix('.diff'); continue
    m = re.match(r'- (\S+) (\S+) (\S+) (.+?):(\d+) \|', ln)
    if m and cur: found[cur].append((m.group(1), m.group(2), m.group(4), int(m.group(5))))
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[3] if len(sys.argv) > 3 else '/tmp/realfixes/expected.tsv')][1:]
tot = collections.Counter(); hit = collections.Counter(); misses = []
for case, lang, item, defect, desc in rows:
    path, line = defect.rsplit(':', 1); line = int(line)
    ok = any(f[0] in EQUIV.get(item, {item}) and f[2].endswith(path) and abs(f[3] - line) <= (int(sys.argv[4]) if len(sys.argv) > 4 else 3) for f in found[case])
    for k in ('all', lang, item, f'{lang}/{item}'): tot[k] += 1; hit[k] += ok
    if not ok: misses.append((case, item, defect, [f"{f[0]}@{f[3]}" for f in found[case]]))
print(f"# {sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]}")
for k in sorted(tot, key=lambda k: (k != 'all', '/' in k, k)):
    print(f"{k:14s} {hit[k]:3d}/{tot[k]:<3d} = {hit[k]/tot[k]:.2f}")
for m in misses: print('MISS', *m)
