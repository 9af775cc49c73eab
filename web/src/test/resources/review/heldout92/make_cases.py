#!/usr/bin/env python3
"""Writes the round-92 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The goroutine the first defect starts for every watch event runs the reconciliation (handleEvent) with no recover
    # in it or in anything it defers, so one panicking reconciliation takes the whole operator down: the CONC-01
    # defect, on the same line as the case's CONC-02 label. The clean look-alike (the fix) starts the bounded workers
    # the same way (`go c.worker(...)`, whose loop calls handleEvent without a recover), the same CONC-01 defect on an
    # added line the case left unlabelled.
    'go-15-operatorkit-goroutine-per-event': ['controller/controller_events.go:32:CONC-01'],
    'go-ok-08-operatorkit-bounded-workers': ['controller/controller_events.go:26:CONC-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # postgres-operator's first defect moves the resizer's connect, its error check and the deferred disconnect from
    # before the loop over persistent volumes into the loop (the thread's defect).
    'postgres-operator-resize-defer-disconnect-in-loop': [
        'if err := resizer.ConnectToProvider(); err != nil {',
        'return fmt.Errorf("could not connect to the volume provider: %v", err)',
        'defer resizer.DisconnectFromProvider()'],
    # polaris-java's first defect moves the shutdown of the probe channel from the finally into the success path.
    'polaris-probe-channel-not-shut-down-on-failure': ['channel.shutdownNow();'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
