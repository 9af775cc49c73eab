#!/usr/bin/env python3
"""Writes the round-40 held-out review corpus: one git diff per case (SOURCES.md is written by hand).

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this file holds the round's MOVED and ACCEPT lines and calls the generator every round from 36 on shares,
`../heldoutlib.py` (`generate`: the template checks of rounds 28 and 29, then round 11's `write`, then the accept
lines).
Run: python3 make_cases.py   (rewrites *.diff in this directory)
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
    # the labelled RES-02 (the close moved below the 404 return), flagged at the line the moved defer left
    'go-01-plandex-cli-trial-session-404-body-left-open': ['app/cli/api/methods.go:22:RES-02'],
    # http.Post also drops the function's ctx (the clean version built the request with it): a TMO-02 the case carries
    'go-14-go-update-renamed-handler-forwards-with-default-client': ['controller/extensions.go:61:TMO-02'],
    # the second removed close (the size check's return) leaks the file too; the label names only the first path
    'go-15-lldb-filer-open-leaks-file-on-bad-size': ['falloc.go:54:RES-01'],
    # each removed rollback is a return path that leaves the transaction open; the label names only the first
    'go-17-goval-dictionary-insert-oval-returns-without-rollback': [
        'db/rdb.go:29:TX-01', 'db/rdb.go:35:TX-01', 'db/rdb.go:42:TX-01', 'db/rdb.go:46:TX-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the close of the trial-session answer moves below the 404 check
    'plandex-cli-trial-session-404-body-left-open': ['defer resp.Body.Close()'],
    # the thread's connection is cleared after the commit instead of in finally
    'mjdbc-execute-thread-connection-cleared-on-success-only': ['activeConnections.remove();'],
    # the cursor is closed after the loop instead of in finally
    'blueline-app-cache-cursor-closed-after-loop-only': ['curApp.close();'],
    # the transaction is ended after the inserts instead of in finally
    'blueline-app-cache-transaction-ended-outside-finally': ['db.endTransaction();'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
