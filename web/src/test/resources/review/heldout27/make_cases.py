#!/usr/bin/env python3
"""Writes the round-27 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this script loads round 26's make_cases.py as a module, which loads round 25's and, through it, the generators of
rounds 24 to 9 (`render`: a throw-away git repository and `git diff --cached -M`, so each case is a real git diff with
three lines of context, renames and CRLF included) and puts round 16's common16.py on the path. The cases are written by
round 11's `write`, which also checks that every labelled line lies in a hunk of its diff.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h26 = load('heldout26_make_cases', os.path.join(HERE, '..', 'heldout26', 'make_cases.py'))
h25 = h26.h25
common16 = h25.common16
cases_go = load('heldout27_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout27_cases_java', os.path.join(HERE, 'cases_java.py'))


# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line; no case code and no expectation
# changes. Filled in after run 1 only (RESULTS.md, "False positives"), for run 2.
ACCEPT = {
    'go-27-gozwave-node-map-without-lock': ['controller.go:30:CONC-03'],
    'go-39-fastly-renamed-compressor-defers-close-in-loop': ['rotate/compress.go:23:RES-03'],
    'java-33-simplenosql-new-helper-cursor-never-closed':
        ['src/main/java/com/colintmiller/simplenosql/db/SimpleNoSQLDBHelper.java:15:CONC-02'],
    'java-34-simplenosql-new-helper-save-future-dropped':
        ['src/main/java/com/colintmiller/simplenosql/db/SimpleNoSQLDBHelper.java:15:CONC-02'],
    'java-ok-17-simplenosql-new-helper-cursor-in-try-future-returned':
        ['src/main/java/com/colintmiller/simplenosql/db/SimpleNoSQLDBHelper.java:15:CONC-02'],
}


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
