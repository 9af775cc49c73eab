#!/usr/bin/env python3
"""rebuild_sets.py [--mirrors DIR] [--out DIR] N [N ...]: rebuilds the diffs of precision sets N (17 and later) from the
table in this README's section of each set, so that a new machine can score a review against the judged TSVs.

Each row of a set's table names a repository and the head commit the set was built at; the diffs are the 150 newest
non-merge commits from that head (not from the snapshot's newest commit, which may have moved) that touch Go or Java
files, written as <name after the slash>-<first 10 hex digits>.diff under OUT/heldN. The snapshots must be fetched
first (the search tool's fetch, one per repository: MIRRORS/<owner>+<name>/repo); a missing one is reported and
skipped, and so is a commit whose blobs the snapshot lacks (go-shiori/shiori: 18 of set 21's 150, 2026-12-06). Before quoting a figure, check main's output against the set's recorded figure: it must match."""
import argparse, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORDINALS = {17: 'seventeenth', 18: 'eighteenth', 19: 'nineteenth', 20: 'twentieth', 21: 'twenty-first',
            22: 'twenty-second', 23: 'twenty-third', 24: 'twenty-fourth', 25: 'twenty-fifth'}
ROW = re.compile(r'^\| ([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+) \| ([0-9a-f]{7,40}) \|', re.M)


def table(readme, n):
    """The (repository, head) rows of set n's section, or an error naming what is missing."""
    heading = re.search(r'^## An? %s held-out precision set.*$' % ORDINALS[n], readme, re.M)
    if not heading:
        sys.exit(f'README: no section "A {ORDINALS[n]} held-out precision set"')
    end = readme.find('\n## ', heading.end())
    rows = ROW.findall(readme[heading.end():end if end > 0 else len(readme)])
    if not rows:
        sys.exit(f'README: the section of set {n} has no "| owner/name | head |" table')
    return rows


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], capture_output=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('sets', nargs='+', type=int)
    ap.add_argument('--mirrors', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp')
    a = ap.parse_args()
    readme = open(os.path.join(HERE, 'README.md'), encoding='utf-8').read()
    for n in a.sets:
        if n not in ORDINALS:
            sys.exit(f'set {n}: only sets {min(ORDINALS)} to {max(ORDINALS)} have a table this script reads')
        out = os.path.join(a.out, f'held{n}')
        os.makedirs(out, exist_ok=True)
        for name, head in table(readme, n):
            repo = os.path.join(a.mirrors, name.replace('/', '+'), 'repo')
            if not os.path.isdir(repo):
                print(f'set {n}: {name}: no snapshot at {repo} (fetch it first); skipped', file=sys.stderr)
                continue
            commits = git(repo, 'log', '--no-merges', '-150', '--format=%H', head, '--', '*.go', '*.java').split()
            for c in commits:
                c = c.decode()
                try:
                    diff = git(repo, 'show', '--format=', c, '--', '*.go', '*.java')
                except subprocess.CalledProcessError as e:
                    # a snapshot may list a large blob it does not hold; the commit is left out and said so
                    print(f'set {n}: {name} {c[:10]}: git show failed ({e.stderr.decode().strip()[:80]}); skipped',
                          file=sys.stderr)
                    continue
                with open(os.path.join(out, f'{name.split("/")[1]}-{c[:10]}.diff'), 'wb') as f:
                    f.write(diff)
            print(f'set {n}: {name} at {head}: {len(commits)} diffs')


if __name__ == '__main__':
    main()
