#!/usr/bin/env python3
"""Writes the round-96 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The edit deletes `ResponseHeaderTimeout: timeout,` from the probe transport as well as the client's overall
    # timeout; the case labels only the client literal (line 35), but the transport on the line where the header
    # timeout was (line 31) really no longer bounds the wait for a response's headers: a TMO-01 defect of its own on a
    # line the case left unlabelled, four lines from the label.
    'go-01-network-exporter-probe-client-without-timeout': ['pkg/http/http.go:31:TMO-01'],
    # The defect reads the bulk response through `connection.getInputStream()` and never closes the stream on any
    # path; the case labels the line RES-02 (an HTTP response body left open), and the same unclosed stream is a
    # resource not closed on every path, the RES-01 defect, on the same line.
    'java-14-es-reporter-bulk-response-not-closed': [
        'src/main/java/org/elasticsearch/metrics/ElasticsearchReporter.java:66:RES-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
