#!/usr/bin/env python3
"""Writes the round-16 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (templates written once, each giving up to three cases: two defect
versions and a clean look-alike, see common15.py and common16.py; `//@ITEM` markers name the lines a reviewer reading the checklist
should flag, `//@~ITEM` an item that arguably applies too). Nothing is copied from earlier rounds: this script loads
round 15's make_cases.py as a module, which loads round 14's and, through it, the generators of rounds 13 to 9
(`render`: a throw-away git repository and `git diff --cached -M`, so every case is a real git diff with three lines
of context, renames and CRLF included; `visible_lines`; `kind`), and puts round 8's cases_common.py and rounds 11 to
15's helpers on the path. Cases are written by round 11's `write`, which also checks that every labelled line lies in
a hunk of the diff.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h15 = load('heldout15_make_cases', os.path.join(HERE, '..', 'heldout15', 'make_cases.py'))
sys.path.insert(0, os.path.join(HERE, '..', 'heldout15'))
sys.path.insert(0, HERE)
import common16  # noqa: E402,F401 (on the path only once HERE is)
cases_go = load('heldout16_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout16_cases_java', os.path.join(HERE, 'cases_java.py'))


def main():
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    for lang in (cases_go.CASES, cases_java.CASES):
        h15.h14.unmark_old_versions(lang)
    h15.h14.h13.h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)


if __name__ == '__main__':
    main()
