#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (reached through round 24's and round 23's, loaded from ../heldout24, not copied) over this round's
cases: the repositories of rounds 1 to 24 and of precision sets 1 to 20 (one file, 1,980 repositories), the
precision-set repositories round 19's check names by repository name (any owner, its PRECISION) and the repositories of
set 21 (a second file, written by another engineer during this round). A list that does not exist yet is reported and
skipped, so the check can run before set 21 is written and must be run again after.
Run: python3 check_sources.py /tmp/s28/used-repos.txt /tmp/s28/set21-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_24', os.path.join(HERE, '..', 'heldout24', 'check_sources.py'))
check24 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check24)


def main(*lists):
    return check24.check23.check22.check21.check20.check19.main(*lists, here=HERE,
                                                                 covered='rounds 1-24, the precision sets 1-20 or set 21')


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
