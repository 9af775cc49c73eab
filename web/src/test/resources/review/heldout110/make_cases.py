#!/usr/bin/env python3
"""Writes the round-110 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # gortsplib's second defect drops the writer mutex around the whole of destroyWriter; the case labels the clear of
    # the writer (line 37), three lines below the first statement that lost the lock. The review reported the removal
    # point, line 34: `if ss.writer != nil {`, an unsynchronised read of the same shared writer the packet writes read
    # under the mutex, the same CONC-03 defect on a line the case did not label. The miss at line 37 stays as it is.
    'go-02-gortsplib-writer-cleared-without-lock': ['server_session.go:34:CONC-03'],
    # Uniform's second defect replaces the bounded pool with Executors.newCachedThreadPool; its thread factory (line 24,
    # `r -> new Thread(r, "uniform-async")`) builds threads without an uncaught-exception handler, which CONC-01's body
    # names as the defect ("create threads through a ThreadFactory that sets an uncaught-exception handler"). The line
    # is written anew by this defect version, so the finding is a real defect of the case that it did not label. (The
    # same factory stands unchanged in the clean look-alike and the first defect: a slip of the writer, see RESULTS.md.)
    'java-02-uniform-executor-cached-pool': ['fabric/src/main/java/net/william278/uniform/fabric/FabricUniform.java:24:CONC-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # joy4's second defect moves the probe's close from after its Streams call to a defer right after the open (the
    # defect itself: the deferred close inside the loop); round 29's check sees the added defer next to the clean close
    # two lines below, which the defect version does not keep.
    'joy4-probe-close-deferred-in-loop': ['defer probe.Close()'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
