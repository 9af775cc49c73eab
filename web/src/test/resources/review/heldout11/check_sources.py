#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round used.

Run: python3 check_sources.py /tmp/corpus11-used-repos.txt   (owner/name per line: the repositories of rounds 1 to 10)
Prints each case whose source repository is on that list, then the counts; exits 1 when there is any.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(used_file):
    with open(used_file) as fh:
        used = {line.strip().lower() for line in fh if line.strip()}
    diffs = sorted(glob.glob(os.path.join(HERE, '*.diff')))
    repos, clashes = set(), []
    for diff in diffs:
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        repo = re.match(r'# source: https://github\.com/([^/]+/[^/\s]+)/', source).group(1).lower()
        repos.add(repo)
        if repo in used:
            clashes.append('%s  %s' % (os.path.basename(diff), repo))
    for clash in clashes:
        print(clash)
    print('%d cases, %d distinct source repositories, %d sourced from a repository of rounds 1-10 (list of %d)' % (
        len(diffs), len(repos), len(clashes), len(used)))
    return 1 if clashes else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
