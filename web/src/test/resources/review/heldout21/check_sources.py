#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round or a precision set used.

Round 19's check, reached through round 20's (loaded from ../heldout20, not copied), over this round's cases: the
repositories of rounds 1 to 20 and of precision sets 1 to 16 (one file, 1,750 repositories), the precision-set
repositories round 19's check names (by repository name, any owner, PRECISION there) and the repositories of set 17
(a second file, written by another engineer during this round). A list file that does not exist yet is reported and
skipped, so that the check can run before set 17 is written and again after.
Run: python3 check_sources.py /tmp/s24/used-repos.txt /tmp/s24/set17-repos.txt   (owner/name per line)
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""

import importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_20', os.path.join(HERE, '..', 'heldout20', 'check_sources.py'))
check20 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check20)


def main(*lists):
    return check20.check19.main(*lists, here=HERE, covered='rounds 1-20, the precision sets 1-16 or set 17')


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
