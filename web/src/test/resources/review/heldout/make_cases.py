#!/usr/bin/env python3
"""Writes the held-out review corpus: one unified git diff per case.

Each case is authored as the new (and, for modifications, the old) file text.
A trailing marker comment "//@ITEM-ID" (",": several defects; "|": one defect either item names; "~ITEM": also acceptable) on a line of the new text records an
expected finding there; the marker is stripped from the diff and becomes an
"# expect: path:line:ITEM-ID" header. Line = line in the new file.
Run: python3 make_cases.py  (rewrites *.diff in this directory)
"""
import difflib, glob, importlib, os, re, sys

MARK = re.compile(r'\s*//@(~?[A-Z]+-\d+(?:[,|]~?[A-Z]+-\d+)*)\s*$')
HERE = os.path.dirname(os.path.abspath(__file__))


def strip(text):
    lines, expects = [], []
    for i, line in enumerate(text.strip('\n').split('\n'), 1):
        m = MARK.search(line)
        if m:
            for item in m.group(1).split(','):  # ',' = two defects, '|' = either item names the one defect
                expects.append((i, item))
            line = line[:m.start()]
        lines.append(line.rstrip())
    return lines, expects


def render(case):
    path = case['path']
    new, expects = strip(case['new'])
    out = ['# ' + case['desc'], '# source: ' + case['source']]
    out += ['# expect: %s:%d:%s' % (path, ln, item) for ln, item in expects if not item.startswith('~')]
    # '~ITEM': the checklist item arguably applies too; a finding of it there is neither a miss nor a false positive
    out += ['# accept: %s:%d:%s' % (path, ln, item[1:]) for ln, item in expects if item.startswith('~')]
    out.append('diff --git a/%s b/%s' % (path, path))
    if 'old' not in case:
        out += ['new file mode 100644', '--- /dev/null', '+++ b/' + path,
                '@@ -0,0 +1,%d @@' % len(new)]
        out += ['+' + l for l in new]
    else:
        old, _ = strip(case['old'])
        body = list(difflib.unified_diff(old, new, 'a/' + path, 'b/' + path, n=3, lineterm=''))
        out += body
    return '\n'.join(out) + '\n', expects


SOURCES_HEAD = """# Sources of the held-out review corpus

Each case is a diff written for this corpus, in its own words (new names, packages and code), keeping only the
*shape* of the defect that a public fix commit or issue removed; the diff is the change that *introduces* the
defect (defect cases) or correct code of the same shape (clean look-alikes, `-ok-` in the name, no expectations).
Written without reading the review's detectors, rule files or other corpora; labels follow the checklist items'
own text in `content/checklist/`.

Line convention: `# expect: path:line:ITEM` names the line *in the new file* where the resource, context or
transaction is acquired (Open, Get/Do/execute, Query/prepareStatement, BeginTx/setAutoCommit(false),
WithTimeout/WithCancel), or for defects that are a call rather than a lifecycle, the line of that call: the
`go`/`start()`/`schedule*` call (CONC-01/07), the `set`/`put` (CONC-04), the `catch (InterruptedException ...)`
(CONC-05), the `defer` inside the loop (RES-03), the constructor of the pool or client (RES-04), the client
construction or the call without a timeout (TMO-01), the call that drops the caller's context (TMO-02), the log call
(LOG-01), the discarded error or logging-only catch (TX-02). Matching allows +-2 lines.
`ITEM|OTHER`: one defect that either item names. `# accept:` lines mark a second item that arguably applies
there (a finding of it is neither a miss nor a false positive).

Generated with `python3 make_cases.py` from `cases_go.py` and `cases_java.py` (the authored sources, with
`//@ITEM` markers that the generator strips).

| case | source | defect (or what the look-alike does right) | expectations |
|---|---|---|---|
"""


def main():
    sys.path.insert(0, HERE)
    rows = []
    for mod in ('cases_go', 'cases_java'):
        if not os.path.exists(os.path.join(HERE, mod + '.py')):
            continue
        for case in importlib.import_module(mod).CASES:
            text, expects = render(case)
            with open(os.path.join(HERE, case['name'] + '.diff'), 'w') as f:
                f.write(text)
            ex = ', '.join('%d:%s' % (ln, item) for ln, item in expects) or 'clean'
            rows.append('| %s | %s | %s | %s |' % (case['name'], case['source'], case['desc'], ex))
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as f:
        f.write(SOURCES_HEAD + '\n'.join(rows) + '\n\n' + open(os.path.join(HERE, 'CORRECTIONS.md')).read())


if __name__ == '__main__':
    main()
