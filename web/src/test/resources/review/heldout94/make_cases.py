#!/usr/bin/env python3
"""Writes the round-94 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The line stores the time of the last key set refresh as LocalDateTime.now(), the host's wall clock with no zone,
    # where the clean version stores an instant: the stored value is the TIME-01 defect itself (the case labelled
    # only the comparison that reads it, three lines up in the same change). Found by run 1 (HIGH).
    'java-16-smallrye-jwt-refresh-due-in-local-time': [
        'implementation/src/main/java/io/smallrye/jwt/auth/principal/KeyLocationResolver.java:52:TIME-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # oidcify's second defect inlines the CA bundle helper into the loop over the bundles: the check of the
    # appended certificates is the same statement in the loop.
    'oidcify-renamed-http-client-defers-close-in-loop': ['if !pool.AppendCertsFromPEM(pem) {'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
