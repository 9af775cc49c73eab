#!/usr/bin/env python3
"""Writes the round-39 held-out review corpus: one git diff per case (SOURCES.md is written by hand).

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this script loads round 35's make_cases.py as a module, which loads round 32's and, through it, rounds 30, 29 and 28
and the generators of rounds 27 to 9 (`render`: a throw-away git repository and `git diff --cached -M`, so each case is
a real git diff with three lines of context, renames and CRLF included) and puts round 16's common16.py on the path.
The cases are written by round 11's `write`, which also checks that every labelled line lies in a hunk of its diff.
Before writing, round 28's `check_templates` and round 29's `check_defect_texts` (pointed at this round's case modules
and MOVED list) refuse a template where a defect version keeps a line of the clean version next to its replacement, or
still has a line the edit from the clean file deletes (round 27's case-writing slip: a clean-only line marked `02|`
instead of `0|`).
Run: python3 make_cases.py   (rewrites *.diff in this directory)
"""
import glob, importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h35 = load('heldout35_make_cases', os.path.join(HERE, '..', 'heldout35', 'make_cases.py'))
h29 = h35.h29
h28 = h35.h28
h25 = h35.h25
common16 = h35.common16
cases_go = load('heldout39_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout39_cases_java', os.path.join(HERE, 'cases_java.py'))

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line for run 2; no case code and no
# expectation changes. Filled in after run 1 only, for run 2.
ACCEPT = {
    # the empty catch of BKException | InterruptedException also swallows the interrupt (the case's description says so)
    'java-13-distributedlog-retention-ledger-delete-failure-swallowed': [
        'distributedlog-core/src/main/java/org/apache/distributedlog/SegmentRetentionManager.java:59:CONC-05'],
    # the missing rollback, found at the line the edit removes rather than at setAutoCommit(false)
    'java-19-wso2-moved-token-cleanup-failed-tenant-not-rolled-back': [
        'src/main/java/org/wso2/carbon/is/migration/service/v570/migrator/TokenCleanupMigrator.java:47:TX-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # the close of each scanned file moves from after the parse into a defer
    'go-hdl-scan-files-closed-by-defer-in-loop': ['defer f.Close()'],
}


def check_defect_texts():
    """Round 29's check, run over this round's templates: the module globals it reads are pointed here first."""
    h29.cases_go, h29.cases_java, h29.MOVED = cases_go, cases_java, MOVED
    return h29.check_defect_texts()


def add_accepts():
    for name, specs in ACCEPT.items():
        path = os.path.join(HERE, name + '.diff')
        with open(path, encoding='utf-8', newline='') as fh:
            text = fh.read()
        head, sep, body = text.partition('diff --git ')
        head += ''.join('# accept: %s\n' % spec for spec in specs)
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            fh.write(head + sep + body)


def main():
    problems = h28.check_templates(cases_go.TEMPLATES + cases_java.TEMPLATES)
    problems += check_defect_texts()
    if problems:
        print('\n'.join(problems))
        sys.exit('template check failed')
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    common16.numbered(cases_go.CASES, 'go')
    common16.numbered(cases_java.CASES, 'java')
    h14 = h25.h24.h23.h22.h21.h20.h19.h18.h17.h16.h15.h14
    for lang in (cases_go.CASES, cases_java.CASES):
        h14.unmark_old_versions(lang)
    h14.h13.h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)
    add_accepts()


if __name__ == '__main__':
    main()
