#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (reached through round 27's, 26's, 25's, 24's and 23's, loaded from ../heldout27, not copied) over this
round's cases: the repositories of rounds 1 to 27 and of precision sets 1 to 23 (one file, 2,176 repositories), the
precision-set repositories round 19's check names by repository name (any owner, its PRECISION), the repositories of
set 24 and the repositories the fixing engineers of this session read for breadth (further files, written by other
engineers during this round). A list that does not exist yet is reported and skipped. Besides, this round checks the
name after the slash of every source against the names of those lists and of the SOURCES.md of every earlier round
(a repository of the same name under another owner is reported too).
Run: python3 check_sources.py /tmp/s31/used-repos.txt /tmp/s31/set24-repos.txt /tmp/s31/breadth-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_27', os.path.join(HERE, '..', 'heldout27', 'check_sources.py'))
check27 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check27)
check25 = check27.check25


def names_used(*lists):
    names = set()
    for path in lists:
        if os.path.exists(path):
            with open(path) as fh:
                names |= {line.strip().lower().split('/', 1)[1] for line in fh if '/' in line}
    for sources in glob.glob(os.path.join(HERE, '..', 'heldout*', 'SOURCES.md')):
        if os.path.samefile(os.path.dirname(sources), HERE):
            continue
        with open(sources) as fh:
            names |= {m.group(1).lower() for m in re.finditer(r'github\.com/[\w.-]+/([\w.-]+)/', fh.read())}
    return names


def main(*lists):
    status = check25.check24.check23.check22.check21.check20.check19.main(
        *lists, here=HERE, covered='rounds 1-27, the precision sets 1-23, set 24 or the breadth reading')
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
