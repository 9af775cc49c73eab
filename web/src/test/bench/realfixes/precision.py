#!/usr/bin/env python3
"""precision.py <probe-output> [judgments.tsv]: precision of ProbeDiffs.java's findings on the ordinary commits against
the judged findings (matched by diff, item and file name:line), overall and per item; unjudged findings are listed so
they can be judged and added to the TSV."""
import sys, re, os, collections
HERE = os.path.dirname(os.path.abspath(__file__))
verdict = {}
for row in open(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'precision-judgments.tsv')).read().splitlines()[1:]:
    repo, diff, item, rule, loc, v, reason = row.split('\t')
    verdict[(diff, item, loc)] = v
count, per, unjudged, cur = collections.Counter(), collections.defaultdict(collections.Counter), [], None
for ln in open(sys.argv[1]):
    if ln.startswith('## '): cur = ln[3:].strip(); continue
    m = re.match(r'- (\S+) (\S+) (\S+) (\S+):(\d+) \| (.*)', ln)
    if not m or not cur: continue
    item, rule, conf, path, line, rest = m.groups()
    v = verdict.get((cur, item, f'{os.path.basename(path)}:{line}'), '?')
    count[v] += 1; per[item][v] += 1
    if v == '?': unjudged.append(f'{cur}\t{item}\t{rule}\t{os.path.basename(path)}:{line}\t{rest[:100]}')
t, f = count['T'], count['F']
print(f"findings {sum(count.values())}: true {t}, false {f}, unjudged {count['?']}; precision {t / (t + f) if t + f else 0:.2f}")
for item in sorted(per): print(f"  {item:8s} T {per[item]['T']:3d}  F {per[item]['F']:3d}  ? {per[item]['?']}")
for u in unjudged: print('UNJUDGED', u)
