#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (reached through round 25's, round 24's and round 23's, loaded from ../heldout25, not copied) over this
round's cases: the repositories of rounds 1 to 25 and of precision sets 1 to 21 (one file, 2,043 repositories), the
precision-set repositories round 19's check names by repository name (any owner, its PRECISION) and the repositories of
set 22 (a second file, written by another engineer during this round). A list that does not exist yet is reported and
skipped, so the check can run before set 22 is written and must be run again after. Besides, this round checks the name
after the slash of every source against the names of those lists and of round 25's SOURCES.md (a repository of the
same name under another owner is reported too).
Run: python3 check_sources.py /tmp/s29/used-repos.txt /tmp/s29/set22-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_25', os.path.join(HERE, '..', 'heldout25', 'check_sources.py'))
check25 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check25)


def names_used(*lists):
    names = set()
    for path in lists:
        if os.path.exists(path):
            with open(path) as fh:
                names |= {line.strip().lower().split('/', 1)[1] for line in fh if '/' in line}
    with open(os.path.join(HERE, '..', 'heldout25', 'SOURCES.md')) as fh:
        names |= {m.group(1).lower() for m in re.finditer(r'github\.com/[\w.-]+/([\w.-]+)/', fh.read())}
    return names


def main(*lists):
    status = check25.check24.check23.check22.check21.check20.check19.main(
        *lists, here=HERE, covered='rounds 1-25, the precision sets 1-21 or set 22')
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
