#!/usr/bin/env python3
"""Writes the round-124 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # tilenol's first defect drops the query's WithTimeout together with the request context: `p.db.Query` (line 32)
    # then runs with no deadline at all, a real TMO-01 on the line the case labels TMO-02.
    'go-01-tilenol-postgis-query-without-request-context': ['source/postgis.go:32:TMO-01'],
    # geoipupdate's client reads the body of a failed answer with `msg, _ := io.ReadAll(...)` (line 77, in every
    # version) and uses the bytes: ERR-01's body asks for no `x, _ :=` on a call that returns an error unless a comment
    # says why it is safe, and there is none. A defect of the clean code too (a label error of this round).
    'go-17-geoipupdate-new-client-retries-without-closing': ['pkg/geoipupdate/client.go:77:ERR-01'],
    'go-18-geoipupdate-new-client-metadata-cancel-dropped': ['pkg/geoipupdate/client.go:77:ERR-01'],
    'go-ok-09-geoipupdate-new-client': ['pkg/geoipupdate/client.go:77:ERR-01'],
    # tower-agent's session warns once per dropped message when the outgoing queue is full (line 44, in every version):
    # while Tower is unreachable every send drops one and logs one warning, the repeated warning LOG-01 asks to sample
    # or aggregate. A defect of the clean code too (a label error of this round).
    'java-19-tower-agent-new-session-heartbeat-unguarded': ['src/main/java/io/seqera/tower/agent/AgentSession.java:44:LOG-01'],
    'java-ok-10-tower-agent-new-session': ['src/main/java/io/seqera/tower/agent/AgentSession.java:44:LOG-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # nf/geocode's first defect drops the deferred close and closes the body on the error-status path only: the close
    # it adds there is the defect's own line, not the clean defer kept beside it.
    'nf-geocode-body-closed-on-error-status-only': ['resp.Body.Close()'],
    # go-staticmaps' second defect inlines the per-tile helper into the loop: its request, call and deferred close
    # move with it (the deferred close now sits in the loop, the defect).
    'staticmaps-tile-bodies-closed-after-loop': ['req, err := t.request(ctx, tile)', 'resp, err := t.client.Do(req)',
                                                 'defer resp.Body.Close()'],
    # Weasis's second defect moves the status check out of the try-with-resources (before the body is put in it).
    'weasis-stow-error-response-left-open': ['if (response.statusCode() >= 300) {'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
