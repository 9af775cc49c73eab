#!/usr/bin/env python3
"""Writes the round-12 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (templates written once with `B|` defect-only and `C|` clean-only lines,
`//@ITEM` markers at the end of the lines a reviewer reading the checklist should flag, `//@~ITEM` for an item that
arguably applies too); common12.py holds this round's helpers. Nothing is copied from earlier rounds: this script loads
round 11's make_cases.py as a module, which loads round 10's and round 9's generators (`render`: a throw-away git
repository and `git diff --cached -M`, so every case is a real git diff with three lines of context, renames and CRLF
included; `visible_lines`; `kind`) and puts round 8's cases_common.py and round 11's common11.py on the path. Cases are
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


h11 = load('heldout11_make_cases', os.path.join(HERE, '..', 'heldout11', 'make_cases.py'))
gen = h11.gen
sys.path.insert(0, HERE)
cases_go = load('heldout12_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout12_cases_java', os.path.join(HERE, 'cases_java.py'))
import common12  # noqa: E402 (on the path only once HERE is)


def main():
    # About a quarter of the round edits an existing file: pairs of a defect and its clean look-alike on one file become
    # the change that breaks the clean code and the fix that repairs the broken one.
    for lang in (cases_go.CASES, cases_java.CASES):
        common12.pair_as_edits(lang, gen.render, gen.visible_lines, 5)
    h11.write(HERE, cases_go.CASES, cases_java.CASES)


if __name__ == '__main__':
    main()
