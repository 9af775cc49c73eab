#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check (loaded from ../heldout19, not copied), over this round's cases: the repositories of rounds 1 to 19
and of precision sets 1 to 15 (one file, 1,674 repositories), the precision-set repositories round 19's check names (by repository name, any owner, PRECISION there)
and the repositories of set 16 (a second file, written by another engineer during this round). A list file that does
not exist yet is reported and skipped, so that the check can run before set 16 is written and again after.
Run: python3 check_sources.py /tmp/s23/used-repos.txt /tmp/s23/set16-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""

import importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_19', os.path.join(HERE, '..', 'heldout19', 'check_sources.py'))
check19 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check19)


def main(*lists):
    return check19.main(*lists, here=HERE, covered='rounds 1-19, the precision sets 1-15 or set 16')


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
