#!/usr/bin/env python3
"""Checks that no source of this round comes from a repository an earlier round used.

Run: python3 check_sources.py /tmp/corpus10-used-repos.txt   (one owner/name per line: the 917 repositories of rounds 1-9)
Prints every case whose source repository is on the list (none, when the round is sound) and the counts.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(used_path):
    used = {line.strip().lower() for line in open(used_path) if line.strip()}
    repos, clashes = set(), []
    for diff in sorted(glob.glob(os.path.join(HERE, '*.diff'))):
        with open(diff, encoding='utf-8') as fh:
            source = next(l for l in fh if l.startswith('# source: '))
        m = re.match(r'# source: https://github\.com/([^/]+/[^/]+)/', source)
        repo = m.group(1).lower()
        repos.add(repo)
        if repo in used:
            clashes.append('%s  %s' % (os.path.basename(diff), repo))
    print('\n'.join(clashes))
    print('%d cases checked, %d distinct source repositories, %d on the list of earlier rounds (%d repositories)' % (
        len(glob.glob(os.path.join(HERE, '*.diff'))), len(repos), len(clashes), len(used)))
    return 1 if clashes else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
