#!/usr/bin/env python3
"""Writes the round-11 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (old/new file texts, `//@ITEM` markers at the end of the lines a reviewer
reading the checklist should flag, `//@~ITEM` for an item that arguably applies too); common11.py holds this round's
authoring helpers. Nothing is copied from earlier rounds: this script loads round 10's make_cases.py as a module, which
itself loads round 9's generator (`render`: a throw-away git repository and `git diff --cached -M`, so every case is a
real git diff with three lines of context, renames and CRLF included; `visible_lines`; `kind`) and puts round 8's
cases_common.py (go, java, src, tst, f, indent_tabs) on the path. Only the loop below is this round's.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h10 = load('heldout10_make_cases', os.path.join(HERE, '..', 'heldout10', 'make_cases.py'))
gen = h10.h9
sys.path.insert(0, HERE)
cases_go = load('heldout11_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout11_cases_java', os.path.join(HERE, 'cases_java.py'))


def main():
    write(HERE, cases_go.CASES, cases_java.CASES)


def write(here, go_cases, java_cases):
    """Writes one diff per case and SOURCES.md (SOURCES_HEAD.md plus a table) into `here`; later rounds call it too."""
    cases = go_cases + java_cases
    names = [c['name'] for c in cases]
    if len(names) != len(set(names)):
        raise SystemExit('duplicate case names')
    for stale in glob.glob(os.path.join(here, '*.diff')):
        os.remove(stale)
    rows = []
    for c in cases:
        diff, marks = gen.render(c)
        # An accepted item on a line that already carries a marker is given at case level (one marker per line).
        marks = marks + [(p, n, i, True) for p, n, i in c.get('accept', ())]
        visible = gen.visible_lines(diff)
        for path, line, items, accepted in marks:
            if line not in visible.get(path, ()):
                raise SystemExit('%s: %s:%d lies outside every hunk' % (c['name'], path, line))
        expected = [m for m in marks if not m[3]]
        if ('-ok-' in c['name']) == bool(expected):
            raise SystemExit(c['name'] + ': a clean case expects nothing and a defect case something')
        head = ['# case: ' + c['desc'], '# source: ' + c['source']]
        head += ['# expect: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if not a]
        head += ['# accept: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if a]
        with open(os.path.join(here, c['name'] + '.diff'), 'w', newline='') as out:
            out.write('\n'.join(head) + '\n' + diff)
        labels = ', '.join('%s:%d %s' % (os.path.basename(p), n, i) for p, n, i, a in expected) or 'nothing (clean)'
        rows.append('| %s | %s | %s | %s | %s |' % (c['name'], c['source'], gen.kind(c), c['desc'].replace('|', '/'), labels))
    with open(os.path.join(here, 'SOURCES_HEAD.md')) as fh:
        text = fh.read().rstrip('\n')
    with open(os.path.join(here, 'SOURCES.md'), 'w') as out:
        out.write(text + '\n\n| case | source | kind | what the change does | expected |\n|---|---|---|---|---|\n')
        out.write('\n'.join(rows) + '\n')
    defects = sum('-ok-' not in n for n in names)
    print('%d cases (%d Go, %d Java): %d defect cases, %d clean; %d expectations' % (
        len(cases), len(go_cases), len(java_cases), defects, len(cases) - defects,
        sum(len([m for m in gen.render(c)[1] if not m[3]]) for c in cases)))


if __name__ == '__main__':
    main()
