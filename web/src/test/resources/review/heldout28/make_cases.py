#!/usr/bin/env python3
"""Writes the round-28 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this script loads round 27's make_cases.py as a module, which loads round 26's and, through it, the generators of
rounds 25 to 9 (`render`: a throw-away git repository and `git diff --cached -M`, so each case is a real git diff with
three lines of context, renames and CRLF included) and puts round 16's common16.py on the path. The cases are written by
round 11's `write`, which also checks that every labelled line lies in a hunk of its diff.
Before writing, `check_templates` (this file) refuses a template where a defect version keeps a line of the clean
version *and* an adjacent line of its own that looks like its replacement (round 27's case-writing slip: a clean-only
line marked `02|` instead of `0|`), and a defect case whose diff adds back a line only the clean version has.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import difflib, glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h27 = load('heldout27_make_cases', os.path.join(HERE, '..', 'heldout27', 'make_cases.py'))
h26 = h27.h26
h25 = h26.h25
common16 = h25.common16
cases_go = load('heldout28_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout28_cases_java', os.path.join(HERE, 'cases_java.py'))

ONLY = re.compile(r'^([0-9]+)\|')

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line; no case code and no expectation
# changes. Filled in after run 1 only (RESULTS.md, "False positives"), for run 2.
ACCEPT = {
    'go-20-dcrdex-flush-book-commit-error-overwritten': ['server/db/driver/pg/orders.go:41:ERR-01'],
    'java-01-horreum-baseline-statement-never-closed':
        ['src/main/java/io/hyperfoil/tools/horreum/svc/BaselineRepository.java:32:RES-01'],
}


def _norm(line):
    return re.sub(r'\s+//@.*$', '', line).strip()


def _raw(line):
    return re.sub(r'\s+//@.*$', '', line).rstrip()


def check_templates(templates):
    """A defect version v must not keep a clean line (prefix with both 0 and v) next to a v-only line that replaces it
    (similar text), within one block of prefixed lines. Returns the list of problems."""
    problems = []
    for name, text in templates:
        lines = text.split('\n')
        i = 0
        while i < len(lines):
            if not ONLY.match(lines[i]):
                i += 1
                continue
            j = i
            while j < len(lines) and ONLY.match(lines[j]):
                j += 1
            block = [(ONLY.match(l).group(1), l[ONLY.match(l).end():]) for l in lines[i:j]]
            for v in '12':
                shared = [_norm(t) for d, t in block if v in d and '0' in d]
                own = [_norm(t) for d, t in block if v in d and '0' not in d]
                for s in shared:
                    for o in own:
                        if s and o and difflib.SequenceMatcher(None, s, o).ratio() > 0.75 and s != o:
                            problems.append('%s: version %s keeps clean line %r next to its replacement %r' % (name, v, s, o))
            i = j
    return problems


def check_diffs():
    """Lines a defect version writes itself that are, indentation included and markers aside, a clean-only line too:
    printed for a look (a re-indented or re-marked copy is fine; a kept replacement is not)."""
    problems = []
    for mod in (cases_go, cases_java):
        for name, text in mod.TEMPLATES:
            clean_only = {_raw(l[ONLY.match(l).end():]) for l in text.split('\n')
                          if ONLY.match(l) and ONLY.match(l).group(1) == '0'}
            for v in '12':
                mine = {_raw(l[ONLY.match(l).end():]) for l in text.split('\n')
                        if ONLY.match(l) and v in ONLY.match(l).group(1)}
                clash = {c for c in clean_only & mine if c}
                if clash:
                    problems.append('%s: version %s has clean-only lines %s' % (name, v, sorted(clash)))
    return problems


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
    problems = check_templates(cases_go.TEMPLATES + cases_java.TEMPLATES)
    for warning in check_diffs():
        print('note (same code, indentation or marker only):', warning)
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
