#!/usr/bin/env python3
"""Writes the round-13 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (templates written once with `B|` defect-only and `C|` clean-only lines,
`//@ITEM` markers at the end of the lines a reviewer reading the checklist should flag, `//@~ITEM` for an item that
arguably applies too); common13.py re-exports round 12's helpers. Nothing is copied from earlier rounds: this script
loads round 12's make_cases.py as a module, which loads round 11's, 10's and 9's generators (`render`: a throw-away git
repository and `git diff --cached -M`, so every case is a real git diff with three lines of context, renames and CRLF
included; `visible_lines`; `kind`) and puts round 8's cases_common.py and rounds 11 and 12's helpers on the path. Cases are
written by round 11's `write`.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h12 = load('heldout12_make_cases', os.path.join(HERE, '..', 'heldout12', 'make_cases.py'))
gen = h12.gen
sys.path.insert(0, HERE)
import common13  # noqa: E402 (on the path only once HERE is)
cases_go = load('heldout13_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout13_cases_java', os.path.join(HERE, 'cases_java.py'))


def main():
    # About a quarter of the round edits an existing file: besides the edits written as such, five pairs of a defect
    # and its clean look-alike on one file per language become the change that breaks the clean code and the fix.
    for lang in (cases_go.CASES, cases_java.CASES):
        common13.pair_as_edits(lang, gen.render, gen.visible_lines, 5)
    h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)


if __name__ == '__main__':
    main()
