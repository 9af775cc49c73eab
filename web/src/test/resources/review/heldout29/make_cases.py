#!/usr/bin/env python3
"""Writes the round-29 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this script loads round 28's make_cases.py as a module, which loads round 27's and, through it, the generators of
rounds 26 to 9 (`render`: a throw-away git repository and `git diff --cached -M`, so each case is a real git diff with
three lines of context, renames and CRLF included) and puts round 16's common16.py on the path. The cases are written by
round 11's `write`, which also checks that every labelled line lies in a hunk of its diff.
Before writing, round 28's `check_templates` refuses a template where a defect version keeps a line of the clean
version *and* an adjacent line of its own that looks like its replacement (round 27's case-writing slip), and
`check_defect_texts` (this file) refuses a defect version that still has a line the edit from the clean file deletes
(the clean replacement kept beside the defect), unless the line is listed as moved.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import difflib, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h28 = load('heldout28_make_cases', os.path.join(HERE, '..', 'heldout28', 'make_cases.py'))
h27 = h28.h27
h26 = h27.h26
h25 = h26.h25
common16 = h25.common16
cases_go = load('heldout29_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout29_cases_java', os.path.join(HERE, 'cases_java.py'))

ONLY = re.compile(r'^([0-9]+)\|')
MARK = re.compile(r'\s+//@.*$')

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line; no case code and no expectation
# changes. Filled in after run 1 only (RESULTS.md, "False positives"), for run 2.
ACCEPT = {
    'java-17-pgnio-failed-work-never-rolled-back': ['src/main/java/pgnio/tx/Transactions.java:27:CONC-04'],
}


def _raw(line):
    return MARK.sub('', line).strip()


# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    'pgnio-failed-work-never-rolled-back': ['CURRENT.set(conn);'],
    'pgnio-connection-thread-local-removed-on-success-only': ['CURRENT.set(conn);', 'CURRENT.remove();'],
    'filestash-zip-defers-close-in-loop': ['file, err := os.Open(path)', 'defer file.Close()',
                                           'entry, err := zw.Create(filepath.Base(path))', 'return zw.Close()'],
}
# Structure lines that many statements share; never a replacement on their own.
TRIVIAL = {'if err != nil {', 'try {', '} else {', 'return err', 'return nil', 'continue', 'break', '}()', '})'}


def check_defect_texts():
    """Round 27's lesson, on whole files: for each template and each defect version v, the lines the edit from the
    clean file to version v deletes (difflib over the two texts, markers aside) must be gone from version v: a deleted
    line whose text version v still has as often as the clean file does is a kept replacement (a clean line marked
    `02|` instead of `0|`) unless MOVED lists it for that case; and a line version v only adds must not sit next to a
    clean line it kept that looks like it (similar text). Returns the problems."""
    problems = []
    for mod in (cases_go, cases_java):
        for i, (tname, text) in enumerate(mod.TEMPLATES):
            clean = [_raw(l) for l in common16.variant(text, 0).split('\n')]
            for v in (1, 2):
                defect = [_raw(l) for l in common16.variant(text, v).split('\n')]
                name = mod.CASES[3 * i + v - 1]['name'] if len(mod.CASES) == 3 * len(mod.TEMPLATES) else tname
                allowed = next((m for k, m in MOVED.items() if k in name), [])
                sm = difflib.SequenceMatcher(None, clean, defect, autojunk=False)
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op == 'insert':
                        # A line only version v adds, next to a clean line it kept that looks like its replacement.
                        near = [l for l in clean[max(i1 - 3, 0):i1 + 3] if len(l) >= 4 and l not in TRIVIAL]
                        for line in defect[j1:j2]:
                            if len(line) < 6 or line in TRIVIAL or line in allowed:
                                continue
                            for kept in near:
                                if (difflib.SequenceMatcher(None, kept, line).ratio() > 0.75
                                        or line.rstrip(';') in kept or kept.rstrip(';{ ') in line):
                                    problems.append('%s (%s, version %d) adds %r next to the clean line %r it keeps' % (
                                        name, tname, v, line, kept))
                        continue
                    if op not in ('replace', 'delete'):
                        continue
                    for line in clean[i1:i2]:
                        if len(line) < 4 or line in allowed or line in TRIVIAL:
                            continue
                        if defect.count(line) >= clean.count(line):
                            problems.append('%s (%s, version %d) keeps the clean line %r it replaces' % (
                                name, tname, v, line))
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
    problems = h28.check_templates(cases_go.TEMPLATES + cases_java.TEMPLATES)
    problems += check_defect_texts()
    if problems:
        print('\n'.join(problems))
        sys.exit('template check failed')
    common16.numbered(cases_go.CASES, 'go')
    common16.numbered(cases_java.CASES, 'java')
    h14 = h25.h24.h23.h22.h21.h20.h19.h18.h17.h16.h15.h14
    for lang in (cases_go.CASES, cases_java.CASES):
        h14.unmark_old_versions(lang)
    h14.h13.h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)
    add_accepts()


if __name__ == '__main__':
    main()
