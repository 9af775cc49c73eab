#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (reached through round 22's, loaded from ../heldout22, not copied) over this round's cases: the
repositories of rounds 1 to 22 and of precision sets 1 to 18 (one file, 1,882 repositories), the precision-set
repositories round 19's check names by repository name (any owner, its PRECISION) and the repositories of set 19 (a
second file, written by another engineer during this round). A list that does not exist yet is reported and skipped, so
the check can run before set 19 is written and must be run again after.
Run: python3 check_sources.py /tmp/s26/used-repos.txt /tmp/s26/set19-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_22', os.path.join(HERE, '..', 'heldout22', 'check_sources.py'))
check22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check22)


def main(*lists):
    return check22.check21.check20.check19.main(*lists, here=HERE, covered='rounds 1-22, the precision sets 1-18 or set 19')


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
