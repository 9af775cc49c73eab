#!/usr/bin/env python3
"""Writes the round-91 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # gomatrixserverlib's second defect moves the close of the federation response below the status check.
    'gomatrixserverlib-federation-body-closed-after-status': ['defer res.Body.Close()'],
    # inbucket's first defect inlines the one-mailbox delivery into the loop over recipients: the lock, the file's
    # creation, its (deferred) close, the write and the index append are the same statements in the loop.
    'inbucket-deliver-defer-close-in-loop': ['mb.Lock()', 'f, err := mb.createMessageFile(env.ID)', 'defer f.Close()',
                                             'if _, err := f.Write(raw); err != nil {',
                                             'mb.append(env, int64(len(raw)))'],
    # jigasi's first defect turns the try-with-resources of the response into a plain try around the same execute
    # call, whose line the diff pairs with the removed resource line.
    'jigasi-transcript-response-not-closed': ['CloseableHttpResponse response = httpClient.execute(post);'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
