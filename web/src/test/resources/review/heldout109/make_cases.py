#!/usr/bin/env python3
"""Writes the round-109 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # Kill Bill's first defect drops both timeouts: the client builder's connect timeout (labelled, line 37) and the
    # request builder's `.timeout(readTimeout)`. The review reported the request built without a timeout at line 49
    # (`HttpRequest.newBuilder(...)`), twelve lines from the label: the case's own TMO-01 defect, the read-timeout half
    # of it, on a line the case did not label.
    'java-01-killbill-plugin-http-client-without-timeouts': [
        'src/main/java/org/killbill/billing/plugin/util/http/HttpClient.java:49:TMO-01'],
    # kiteconnect's first defect shares one static SimpleDateFormat between threads; the case labels the parse call
    # that uses it (line 50), the review reported the static declaration of the shared format (line 31): the same
    # CONC-03 defect at its declaration. The miss at line 50 stays as it is.
    'java-03-kiteconnect-shared-timestamp-format': [
        'kiteconnect/src/com/zerodhatech/kiteconnect/KiteConnect.java:31:CONC-03'],
    # kin's first defect shares one static SimpleDateFormat and sets its zone per call; the case labels the per-call
    # setTimeZone (line 24), the review reported the static declaration of the shared format (line 16): the same
    # CONC-03 defect at its declaration. The miss at line 24 stays as it is.
    'java-05-kin-shared-format-zone-set-per-call': [
        'core/src/main/java/com/kin/ecosystem/core/util/DateUtil.java:16:CONC-03'],
    # The FTSO endpoint's first defect builds a scheduled executor in onOpen, which runs on every reconnect, and never
    # shuts it down (labelled RES-01, line 34). Read against RES-04's item (a pool built on a per-call path, never
    # closed, its threads piling up), the same line is a RES-04 defect too: a thread pool per connect. The next line
    # makes scheduleAtFixedRate a bare statement: the ScheduledFuture the clean file keeps is dropped, and with it any
    # failure it would hold (CONC-06: every future is kept). Both are real defects of the case on lines or items it
    # did not label; the RES-01 miss at line 34 stays as it is.
    'java-15-ftso-timeout-executor-per-connect': [
        'src/main/java/dev/mouradski/ftso/prices/client/AbstractClientEndpoint.java:34:RES-04',
        'src/main/java/dev/mouradski/ftso/prices/client/AbstractClientEndpoint.java:35:CONC-06'],
    # The FTSO clean look-alike schedules checkMessageTimeout, whose guard catches RuntimeException only. CONC-07's item
    # asks the guard of a periodic task to catch everything (Throwable, only VirtualMachineError passing): an
    # AssertionError or a LinkageError in one run would still cancel the schedule. The clean case has that CONC-07
    # defect at the scheduling line 41, a label error of this round's clean look-alike.
    'java-ok-08-ftso-timeout-check-replaced-on-connect': [
        'src/main/java/dev/mouradski/ftso/prices/client/AbstractClientEndpoint.java:41:CONC-07'],
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
