#!/usr/bin/env python3
"""Writes the round-122 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

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
    # Veil's first defect discards the error of the status update's ExecContext with `_, _ =`; the case labels that
    # call ERR-01 (line 13). The review reported TX-02 on the same line, whose title names exactly this: the error of
    # an Exec not checked. The line has both defects; the case named only one.
    'go-11-veil-update-job-status-exec-error-discarded': ['internal/panel/update_jobs.go:13:TX-02'],
    # nextflow's second defect schedules the poll with a lambda whose only catch is IOException; the case labels the
    # scheduling call (line 43). The review reported CONC-07 also at that catch (line 46), where the catch-all of the
    # scheduled task is narrowed: the same defect of the case at its second line, which the case did not label.
    'java-08-nextflow-task-poll-scheduled-unguarded': [
        'plugins/nf-seqera/src/main/io/seqera/executor/SchedTaskMonitor.java:46:CONC-07'],
    # bk-job's first defect launches every cron job through `HttpClients.createDefault()`; the case labels that line
    # RES-04 (line 51). The review reported TMO-01 on the same line: the default client has no connect or socket
    # timeout, where the shared client it bypasses had both (the case's own description says it bypasses "the shared
    # pool and its timeouts"). The line has both defects; the case named only one.
    'java-15-bk-job-cron-launch-client-per-call': [
        'src/backend/job-crontab/service-job-crontab/src/main/java/com/tencent/bk/job/crontab/client/'
        'ExecuteTaskClient.java:51:TMO-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
