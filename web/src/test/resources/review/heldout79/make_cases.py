#!/usr/bin/env python3
"""Writes the round-79 held-out review corpus: one git diff per case (SOURCES.md is written by hand).

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
    # the helper the defect adds drops the error of its error reply with `_ =`: the same swallow go-08 labels for the
    # plain reply, and the file's own replyError logs that failure
    'go-07-docker-language-server-renamed-dispatch-recover-in-helper': [
        'internal/pkg/server/dispatch.go:38:ERR-01'],
    # the stream never closed is the polled HTTP URL's response body: the same line has RES-02's defect as well as
    # RES-01's
    'java-02-urltrigger-poll-stream-never-closed': [
        'src/main/java/org/jenkinsci/plugins/urltrigger/URLContentFetcher.java:39:RES-02'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the recovery moves from the deferred function into a helper that function calls (where recover returns nil)
    'docker-language-server-renamed-dispatch-recover-in-helper': [
        'if r := recover(); r != nil {', 's.reportPanic(req.Method, r, debug.Stack())',
        '_ = conn.ReplyWithError(ctx, req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: "internal error"})',
        'func (s *Server) handlePanic(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {'],
    # the re-queue moves into the branch of the known limit errors
    'pikoci-start-error-dropped-build-stuck-pending': ['w.queue.Requeue(jobID)'],
    # the close moves from a deferred function to a call after the read
    'bitrise-steplib-releases-body-closed-only-after-read': ['if err := resp.Body.Close(); err != nil {',
                                                             'return nil, err'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
