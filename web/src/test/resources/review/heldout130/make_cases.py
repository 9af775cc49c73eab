#!/usr/bin/env python3
"""Writes the round-130 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # carbon-relay-ng's first defect drops both locks of AddMaybe; the case labels the cache read (line 34), and the
    # review reports CONC-03 on the cache write four lines down (line 39), which is unlocked too and races with the
    # cleaner's delete: the case's own defect on a line it did not label.
    'go-05-carbon-relay-ng-aggregator-cache-read-unlocked': ['aggregator/aggregator.go:39:CONC-03'],
    # SpaghettiSearch's template gives its two defect versions the wrong lines: the version named "without recover"
    # (labelled CONC-01) keeps the recover and has no bound on its goroutines, the version named "per queued url"
    # (labelled CONC-02) keeps the bound and has no recover (the `01|`/`02|` prefixes of the semaphore and the recover
    # were swapped; found after run 1, left as committed). The review's CONC-02 on go-15's and CONC-01 on go-16's `go`
    # statement are real defects of those files on a line whose label names the other item; the labels stay misses.
    'go-15-spaghettisearch-crawl-goroutine-without-recover': ['crawler/crawl.go:31:CONC-02'],
    'go-16-spaghettisearch-crawl-goroutine-per-queued-url': ['crawler/crawl.go:33:CONC-01'],
    # The timestream connection's first defect validates on `buildQueryClient().query(probe)`: besides the client never
    # shut down (RES-01, labelled) it is a client built per call where the connection holds a shared one (RES-04), a
    # real defect of the same line.
    'java-03-timestream-jdbc-validation-client-never-shut-down':
        ['src/main/java/software/amazon/timestream/jdbc/TimestreamConnection.java:56:RES-04'],
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
