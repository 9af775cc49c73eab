#!/usr/bin/env python3
"""Writes the round-119 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # The async aspect's first defect (labelled CONC-04 on the MDC put) moves the scope's close out of the finally
    # block to the end of the try block. The review also reported RES-01 on the scope's activation (line 40): the
    # Scope is an AutoCloseable closed by hand at the end of a block, which a task that throws skips, so it is not
    # closed on every path. The line really has that defect too, unlabelled.
    'java-13-opentracing-async-aspect-scope-cleared-on-success-only': [
        'instrument-starters/opentracing-spring-cloud-core/src/main/java/io/opentracing/contrib/spring/cloud/async/'
        'TraceAsyncAspect.java:40:RES-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # planet-exporter's first defect moves the client literal from the package variable into Scrape (built per
    # call); line by line the scrape function's comment and signature then sit on the other side of the moved lines.
    'planet-exporter-renamed-scrape-transport-per-call': [
        '// Scrape fetches url and parses the Prometheus text format it serves.',
        'func Scrape(ctx context.Context, url string) (map[string]*dto.MetricFamily, error) {'],
    # dropwizard's second defect moves the Graphite close from the finally block to the end of the try block.
    'dropwizard-graphite-connection-closed-on-success-only': ['graphite.close();'],
    # the async aspect's first defect moves the MDC removal and the scope's close from the finally block into the
    # try block, after the call.
    'opentracing-async-aspect-scope-cleared-on-success-only': ['MDC.remove(MDC_TRACE_ID);', 'scope.close();'],
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
