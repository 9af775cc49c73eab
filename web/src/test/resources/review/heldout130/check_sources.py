#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round, a precision set or this session's
breadth reading used.

Round 19's check (reached through the shared `check_sources` of `../heldoutlib.py`) over this round's cases: the
repositories of rounds 1 to 129, of the precision sets and of the breadth passes (`/tmp/s54/used-repos.txt`), the
precision-set repositories round 19's check names by repository name (any owner), the repositories of this session's
other blind rounds (`/tmp/s54/round126-repos.txt` to `round129-repos.txt`, whichever exist, read by this script only)
and the repositories the fixing engineers of this session read for breadth (`/tmp/s54/breadth-repos.txt`, growing
during this round). A list that does not exist yet is reported and skipped. Besides, the name after the slash of every
source is checked against the names of those lists and of the SOURCES.md and SOURCES_HEAD.md of every other round (a
repository of the same name under another owner is reported too). Last, round 29's `check_defect_texts` is run again
over this round's templates (through make_cases.py): no defect version may keep the clean version's replacement line.
Run: python3 check_sources.py /tmp/s54/used-repos.txt /tmp/s54/breadth-repos.txt /tmp/s54/round126-repos.txt \
         /tmp/s54/round127-repos.txt /tmp/s54/round128-repos.txt /tmp/s54/round129-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import heldoutlib  # noqa: E402  (the checks the rounds share, one folder up)


def main(*lists):
    make = heldoutlib.load('heldout130_make_cases', os.path.join(HERE, 'make_cases.py'))
    return heldoutlib.check_sources(HERE, lists, 'rounds 1-129, the precision sets, the breadth passes or this session\'s breadth reading', make)


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
