#!/usr/bin/env python3
"""Writes the round-10 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases live in cases_go.py and cases_java.py (old/new texts per file, `//@ITEM` markers at the end of the lines a
reviewer reading the checklist should flag, `//@~ITEM` for an item that arguably applies too). This script does not
copy round 9's generator: it loads ../heldout9/make_cases.py as a module and runs its `render` (a throw-away git
repository, `git diff --cached -M`, so every case is a real git diff with three lines of context, renames, deletions
and CRLF files included), `visible_lines` and `kind`; the authoring helpers (go, java, src, tst, f, edit) are round 8's
cases_common.py, imported. Only the loop below, which writes this round's files, is new.
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Round 9's generator puts ../heldout8 (cases_common) on sys.path when it loads; this round's own directory goes first.
h9 = load('heldout9_make_cases', os.path.join(HERE, '..', 'heldout9', 'make_cases.py'))
sys.path.insert(0, HERE)
cases_go = load('heldout10_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout10_cases_java', os.path.join(HERE, 'cases_java.py'))


def main():
    cases = cases_go.CASES + cases_java.CASES
    names = [c['name'] for c in cases]
    assert len(names) == len(set(names)), 'duplicate case names'
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    rows = []
    for c in cases:
        diff, marks = h9.render(c)
        expected = [m for m in marks if not m[3]]
        visible = h9.visible_lines(diff)
        for p, n, i, a in marks:
            assert n in visible.get(p, ()), '%s: %s:%d is not in any hunk of the diff' % (c['name'], p, n)
        assert ('-ok-' in c['name']) == (not expected), c['name'] + ': clean cases expect nothing, defects something'
        head = ['# case: ' + c['desc'], '# source: ' + c['source']]
        head += ['# expect: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if not a]
        head += ['# accept: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if a]
        with open(os.path.join(HERE, c['name'] + '.diff'), 'w', newline='') as fh:
            fh.write('\n'.join(head) + '\n' + diff)
        exp = ', '.join('%s:%d %s' % (os.path.basename(p), n, i) for p, n, i, a in expected) or 'nothing (clean)'
        rows.append('| %s | %s | %s | %s | %s |' % (c['name'], c['source'], h9.kind(c), c['desc'].replace('|', '/'), exp))
    head = open(os.path.join(HERE, 'SOURCES_HEAD.md')).read()
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as fh:
        fh.write(head.rstrip('\n') + '\n\n| case | source | kind | what the change does | expected |\n|---|---|---|---|---|\n')
        fh.write('\n'.join(rows) + '\n')
    print('%d cases (%d Go, %d Java), %d defect cases, %d clean' % (
        len(cases), len(cases_go.CASES), len(cases_java.CASES), sum('-ok-' not in n for n in names),
        sum('-ok-' in n for n in names)))


if __name__ == '__main__':
    main()
