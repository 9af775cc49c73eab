#!/usr/bin/env python3
"""Writes the round-106 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this file holds the round's MOVED and ACCEPT lines and calls the generator every round from 36 on shares,
`../heldoutlib.py` (`generate`: the template checks of rounds 28 and 29, then round 11's `write`, then the accept
lines).
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import heldoutlib  # noqa: E402  (the generator the rounds share, one folder up)

cases_go, cases_java = heldoutlib.round_modules(HERE)

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line for run 2; no case code and no
# expectation changes. Filled in after run 1 only, for run 2.
ACCEPT = {
    # Twidere's first defect drops `CREATED_AT_FORMAT.setTimeZone(TimeZone.getTimeZone("UTC"))` from the format's static
    # block; the case labels the formatter's construction (line 14), three lines above the removal, past the +-2 lines
    # matching allows. The review reported the stripped zone at the removal point, the static block's remaining line 17:
    # the line where the format's zone configuration now lacks the zone, the same TIME-01 defect. The miss at line 14
    # stays as it is.
    'java-09-twidere-created-at-parsed-in-device-zone': [
        'twidere/src/main/java/org/mariotaku/twidere/util/TwitterDateConverter.java:17:TIME-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # No defect of this round moves a statement to another place: every defect version removes, adds or rewrites lines.
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
