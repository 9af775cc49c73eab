#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (reached through round 26's, round 25's, round 24's and round 23's, loaded from ../heldout26, not
copied) over this round's cases: the repositories of rounds 1 to 26 and of precision sets 1 to 22 (one file, 2,096 repositories), the
precision-set repositories round 19's check names by repository name (any owner, its PRECISION) and the repositories of
set 23 and the repositories the fixing engineers of this session read for breadth (further files, written by other
engineers during this round). A list that does not exist yet is reported and skipped. Besides, this round checks the
name after the slash of every source against the names of those lists and of rounds 25's and 26's SOURCES.md (a
repository of the same name under another owner is reported too).
Run: python3 check_sources.py /tmp/s30/used-repos.txt /tmp/s30/set23-repos.txt /tmp/s30/breadth-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_26', os.path.join(HERE, '..', 'heldout26', 'check_sources.py'))
check26 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check26)
check25 = check26.check25


def names_used(*lists):
    names = set()
    for path in lists:
        if os.path.exists(path):
            with open(path) as fh:
                names |= {line.strip().lower().split('/', 1)[1] for line in fh if '/' in line}
    for rnd in ('heldout25', 'heldout26'):
        with open(os.path.join(HERE, '..', rnd, 'SOURCES.md')) as fh:
            names |= {m.group(1).lower() for m in re.finditer(r'github\.com/[\w.-]+/([\w.-]+)/', fh.read())}
    return names


def main(*lists):
    status = check25.check24.check23.check22.check21.check20.check19.main(
        *lists, here=HERE, covered='rounds 1-26, the precision sets 1-22, set 23 or the breadth reading')
    names, clashes = names_used(*lists), set()
    for diff in sorted(glob.glob(os.path.join(HERE, '*.diff'))):
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        name = re.match(r'# source: https://github\.com/[^/]+/([^/\s]+)/', source).group(1).lower()
        if name in names:
            clashes.add(name)
    for name in sorted(clashes):
        print('repository name used before (any owner): %s' % name)
    print('%d source repository names also used by name before' % len(clashes))
    return 1 if status or clashes else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
