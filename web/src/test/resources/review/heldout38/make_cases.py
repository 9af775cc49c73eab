#!/usr/bin/env python3
"""Writes the round-38 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus the table
round 11's `write` appends).

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
# expectation changes. Filled in after run 1 only (RESULTS.md, "False positives").
ACCEPT = {
    # the notifier is given the scheduler's context and posts without it (http.Post / client.Post take none): a real
    # TMO-02 in all three versions of the template, which the cases did not label
    'go-11-donetick-new-discord-notifier-default-client-post': ['internal/notifier/service/discord/discord.go:36:TMO-02'],
    'go-12-donetick-new-discord-notifier-rejected-answer-left-open': [
        'internal/notifier/service/discord/discord.go:39:TMO-02'],
    'go-ok-06-donetick-new-discord-notifier-bounded-client-answer-deferred': [
        'internal/notifier/service/discord/discord.go:39:TMO-02'],
    # the concatenated debug line is also a line per packet inside the loop over a batch (the thread's own defect)
    'java-15-nukkit-packet-debug-line-concatenated': [
        'src/main/java/cn/nukkit/network/session/PlayerNetworkSession.java:38:LOG-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the job call moves from the recovering run method into the worker loop
    'oasis-new-workerpool-worker-without-recover': ['job()'],
    # the client's builder chain moves from the shared static field into the request method
    'giffun-new-request-client-per-call': ['.connectTimeout(10, TimeUnit.SECONDS)', '.readTimeout(15, TimeUnit.SECONDS)',
                                           '.writeTimeout(15, TimeUnit.SECONDS)', '.build();'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
