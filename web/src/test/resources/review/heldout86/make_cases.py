#!/usr/bin/env python3
"""Writes the round-86 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The edit removes the uncaught-exception handler, and with it the only close of the accepted socket on a failed
    # processing: the socket accepted on this line is no longer released on that path, the RES-01 defect the case's
    # own description names next to its CONC-01 label one line below.
    'java-01-hapi-hl7v2-connection-thread-without-handler': [
        'src/main/java/ca/uhn/hl7v2/app/ConnectionAcceptor.java:32:RES-01'],
    # The per-request client the edit builds with HttpClients.createDefault() has no connect or socket timeout (the
    # library's defaults wait without limit), a TMO-01 defect on the same line as the case's RES-04 label.
    'java-19-lti-attendance-http-client-per-request': [
        'src/main/java/edu/ksu/canvas/attendance/services/CanvasSectionClient.java:65:TMO-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # go-fhir's second defect moves the close of the search response below the status check.
    'go-fhir-search-body-not-closed-on-error-status': ['defer resp.Body.Close()'],
    # siegfried's second defect replaces the worker pool by a goroutine per file: the loop over the paths, the wait
    # group's bookkeeping and the identification call are the same statements in the new loop.
    'siegfried-goroutine-per-file': ['for i := range paths {', 'wg.Add(1)', 'defer wg.Done()',
                                     'results[i] = s.identifyFile(paths[i])'],
    # go-netdicom's second defect writes each spooled instance with open, write and sync instead of one WriteFile;
    # the error returns are the same wrapping as the clean version's.
    'go-netdicom-renamed-spool-defer-close-in-loop': [
        'if _, err := f.Write(inst.data); err != nil {', 'return fmt.Errorf("spool %s: %w", inst.sopInstanceUID, err)',
        'return fmt.Errorf("sync %s: %w", inst.sopInstanceUID, err)'],
    # openmrs-module-fhir's first defect inlines the refresh into the schedule call, which wraps onto a second line.
    'openmrs-fhir-new-activator-refresh-dies-on-first-failure': ['REFRESH_MINUTES, TimeUnit.MINUTES);'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
