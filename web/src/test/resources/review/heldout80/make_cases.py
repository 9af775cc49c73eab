#!/usr/bin/env python3
"""Writes the round-80 held-out review corpus: one git diff per case (SOURCES.md is written by hand).

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
    # run 1: the plain HashMap field of the serializer every exporting thread calls (the case labelled the write to
    # it) is the very line the clean version makes a ConcurrentHashMap: a real CONC-03 on that line
    'java-20-otel-new-serializer-size-hints-in-plain-map': [
        'src/main/java/io/opentelemetry/exporter/internal/otlp/ProtoRequestSerializer.java:16:CONC-03'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the status check of a scraped endpoint and the deferred close trade places
    'loggregator-prom-scraper-status-check-before-close': ['if resp.StatusCode != http.StatusOK {',
                                                           'return fmt.Errorf("unexpected status code %d", resp.StatusCode)',
                                                           '}', 'defer resp.Body.Close()'],
    # the close of each sniffed file moves up into a defer
    'remote-syslog2-glob-defers-close-in-loop': ['defer f.Close()'],
    # the commit moves out of the statement's try block, the batch into a helper; the error log stays where it was
    'scouter-alert-history-batch-not-rolled-back': ['conn.commit();',
                                                    'logger.error("Could not write {} alerts to the alert history", alerts.size(), e);'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
