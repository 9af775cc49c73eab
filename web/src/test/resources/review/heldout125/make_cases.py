#!/usr/bin/env python3
"""Writes the round-125 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # libp2p-tls's second defect logs the setup error and returns without closing `tlsConn`, so the connection also
    # leaks on that path: the review's RES-01 at the setupConn call (line 42) is a real defect of the case, next to the
    # ERR-01 label (line 44).
    'go-08-libp2p-tls-setup-error-logged-and-dropped': ['transport.go:42:RES-01'],
    # mev-boost's second defect removes `defer resp.Body.Close()`; the review reports RES-02 on the hunk line next to
    # the removed close (line 36, the end of the request's error check) rather than the status check the case labels
    # (line 39): the case's own defect on a line it did not label.
    'go-12-mev-boost-relay-status-body-left-open': ['server/service.go:36:RES-02'],
    # The bumo SDK's submitter is `Executors.newFixedThreadPool`, whose LinkedBlockingQueue is unbounded: asynchronous
    # submissions queue without limit or back-pressure, a real CONC-02 defect of every version of the file, unlabelled.
    'java-11-bumo-sdk-new-client-submitter-never-shut-down': ['src/main/java/io/bumo/sdk/BumoSdk.java:32:CONC-02'],
    'java-12-bumo-sdk-new-client-submit-result-dropped': ['src/main/java/io/bumo/sdk/BumoSdk.java:32:CONC-02'],
    'java-ok-06-bumo-sdk-new-client-closes-submitter': ['src/main/java/io/bumo/sdk/BumoSdk.java:33:CONC-02'],
    # monero-java's second defect takes the HTTP response out of its try-with-resources; the case labels RES-01, the
    # review reports RES-02 (an HTTP response body left unclosed) on the same line: that item fits the code too.
    'java-16-monero-rpc-response-left-open': ['src/main/java/monero/common/MoneroRpcConnection.java:45:RES-02'],
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
