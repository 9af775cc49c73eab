#!/usr/bin/env python3
"""build.py [MIRRORS [OUT]]: writes each fix of cases.tsv reversed (the diff that introduces its defect) and the
expected-findings TSV into OUT. MIRRORS holds one <owner>+<name>/repo git directory per repository (default
/work/.mirror, where the search tool's fetch puts them); nothing fetched is kept in this repository."""
import subprocess, re, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
M = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/realfixes'
os.makedirs(OUT, exist_ok=True)
TEST = re.compile(r'(_test\.go$|/test/|/tests?/|Test[A-Za-z]*\.java$|/testdata/|/it/|integration|vendor/)')
def git(repo, *a):
    return subprocess.run(['git', '-C', f'{M}/{repo}/repo', *a], capture_output=True, text=True).stdout
rows = []
for ln in open(os.path.join(HERE, 'cases.tsv')):
    if not ln.strip(): continue
    lang, repo, c, item, path, pat, desc = ln.rstrip('\n').split('\t')
    name = f"{lang}-{repo.split('+')[1]}-{c}"
    files = [f for f in git(repo, 'show', '--format=', '--name-only', c, '--', '*.go', '*.java').split() if not TEST.search(f)]
    diff = git(repo, 'diff', c, c + '^', '--', *files)
    open(f'{OUT}/{name}.diff', 'w').write(diff)
    # hunk ranges of this file on the new side of the reversed diff
    ranges, cur = [], None
    for d in diff.splitlines():
        if d.startswith('+++ '): cur = d[6:] if d.startswith('+++ b/') else None
        m = re.match(r'@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@', d)
        if m and cur == path: s = int(m.group(1)); ranges.append((s, s + int(m.group(2) or 1)))
    off = 0
    if '@+' in pat: pat, o = pat.rsplit('@+', 1); off = int(o)
    src = git(repo, 'show', f'{c}^:{path}').splitlines()
    hits = [i + 1 for i, s in enumerate(src) if pat in s]
    def dist(h): return min([0 if a <= h <= b else min(abs(h - a), abs(h - b)) for a, b in ranges] or [10**6])
    if not hits:
        print('NO MATCH', name, path, pat, file=sys.stderr); line = -1
    else:
        line = min(hits, key=dist) + off
        if dist(line - off) > 60: print('FAR', name, path, pat, hits[:5], ranges, file=sys.stderr)
    rows.append((name, lang, item, f'{path}:{line}', desc))
with open(os.path.join(OUT, 'expected.tsv'), 'w') as f:
    f.write('case\tlang\titem\tdefect\tdescription\n')
    for r in rows: f.write('\t'.join(r) + '\n')
print(len(rows), 'rows;', len(set(r[0] for r in rows)), 'cases')
