#!/usr/bin/env python3
"""Writes the round-89 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The edit dials with net.Dial inside connect(ctx): besides the missing dial timeout (the label), the dial no
    # longer takes the caller's context, so the call's deadline and cancellation never reach it, the TMO-02 defect the
    # case's own description names ("without the dial timeout or the call's context").
    'go-05-goroslib-service-client-dial-without-timeout': ['serviceclient.go:64:TMO-02'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # baetyl-broker's second defect defers the close of each session file where the clean version closes it after
    # reading: the added defer sits where the close was.
    'baetyl-broker-renamed-session-manager-defer-close-in-loop': ['defer f.Close()'],
    # OSGP's second defect drops the try around the relay map replacement: the write and the commit are the same
    # statements one level out.
    'osgp-relay-map-replace-without-rollback': ['this.writeRelayMap(connection, deviceIdentification, relayMaps);',
                                                'connection.commit();'],
    # Leshan's first defect calls the cleaning straight from the scheduled lambda, one level out of the try.
    'leshan-redis-cleaner-dies-on-first-failure': ['removeExpiredRegistrations();'],
    # WSO2's second defect drops the try/finally of the tenant flow: the injection and the end of the flow are the
    # same statements one level out.
    'wso2-mqtt-tenant-flow-not-ended-in-finally': ['injectHandler.invoke(mqttMessage, topic);',
                                                   'PrivilegedCarbonContext.endTenantFlow();'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
