#!/usr/bin/env python3
"""Writes the round-14 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (templates written once with `B|` defect-only and `C|` clean-only lines,
edits with `-|`/`+|` lines, `//@ITEM` markers at the end of the lines a reviewer reading the checklist should flag,
`//@~ITEM` for an item that arguably applies too); common14.py re-exports round 13's helpers. Nothing is copied from
earlier rounds: this script loads round 13's make_cases.py as a module, which loads round 12's and, through it, rounds 11,
10 and 9's generators (`render`: a throw-away git repository and `git diff --cached -M`, so every case is a real git diff
with three lines of context, renames and CRLF included; `visible_lines`; `kind`), and puts round 8's cases_common.py and
rounds 11 to 13's helpers on the path. Cases are written by round 11's `write`.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h13 = load('heldout13_make_cases', os.path.join(HERE, '..', 'heldout13', 'make_cases.py'))
gen = h13.gen
sys.path.insert(0, HERE)
import common14  # noqa: E402 (on the path only once HERE is)
cases_go = load('heldout14_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout14_cases_java', os.path.join(HERE, 'cases_java.py'))


MARKER = re.compile(r' //@~?[A-Z0-9|-]+$', re.M)


def unmark_old_versions(cases):
    """An edit's label marks a line of the new version; when that line is unchanged context, the old version must carry
    the same text without the marker, or git would show the line as changed."""
    for c in cases:
        for file in c['files']:
            if file.get('old'):
                file['old'] = MARKER.sub('', file['old'])


def main():
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    for lang in (cases_go.CASES, cases_java.CASES):
        unmark_old_versions(lang)
    # Besides the edits written as such, up to eight defect/clean pairs per language that share their only file become
    # the change that breaks the clean code and the fix, so that about a third of the round edits an existing file.
    for lang in (cases_go.CASES, cases_java.CASES):
        common14.pair_as_edits(lang, gen.render, gen.visible_lines, 8)
    h13.h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)


if __name__ == '__main__':
    main()
