#!/usr/bin/env python3
"""Writes the round-3 held-out review corpus: one unified git diff per case.

Copied from ../heldout2/make_cases.py (round 2) and adapted (header text only). Each case is authored as the new (and, for
modifications, the old) file text. A trailing marker comment "//@ITEM-ID" on a line of the new text records
an expected finding there (",": several defects on that line; "|": one defect that either item names;
"~ITEM": an item that arguably applies too, written as "# accept:"). The marker is stripped from the diff and
becomes a "# expect: path:line:ITEM" header. Line = line in the new file.
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import difflib, importlib, os, re, sys

MARK = re.compile(r'\s*//@(~?[A-Z]+-\d+(?:[,|]~?[A-Z]+-\d+)*)\s*$')
HERE = os.path.dirname(os.path.abspath(__file__))


def strip(text):
    lines, expects = [], []
    for i, line in enumerate(text.strip('\n').split('\n'), 1):
        m = MARK.search(line)
        if m:
            for item in m.group(1).split(','):
                expects.append((i, item))
            line = line[:m.start()]
        lines.append(line.rstrip())
    return lines, expects


def render(case):
    path = case['path']
    new, expects = strip(case['new'])
    out = ['# ' + case['desc'], '# source: ' + case['source']]
    out += ['# expect: %s:%d:%s' % (path, ln, item) for ln, item in expects if not item.startswith('~')]
    out += ['# accept: %s:%d:%s' % (path, ln, item[1:]) for ln, item in expects if item.startswith('~')]
    out.append('diff --git a/%s b/%s' % (path, path))
    if 'old' not in case:
        out += ['new file mode 100644', '--- /dev/null', '+++ b/' + path, '@@ -0,0 +1,%d @@' % len(new)]
        out += ['+' + l for l in new]
    else:
        old, _ = strip(case['old'])
        out += list(difflib.unified_diff(old, new, 'a/' + path, 'b/' + path, n=3, lineterm=''))
    return '\n'.join(out) + '\n', expects


SOURCES_HEAD = """# Sources of the round-3 held-out review corpus

A third held-out corpus for the checklist review (issue 11), written while the review was being improved in
parallel by another engineer, and blind to it. What was read to write it: the checklist items
(`content/checklist/*.md`, the only basis of every label), the SOURCES.md of rounds 1 and 2 (`../heldout`,
`../heldout2`: to follow their line convention and to reuse none of their sources), round 2's generator
(`../heldout2/make_cases.py`, copied here as `make_cases.py`, header text changed) and the scoring harness
(`HeldOutCorpusTest`, `HeldOutRound2CorpusTest`). What was *not* read: the review's detectors
(`web/src/main/java/kb/review/**`), its rule and model files (`content/rules/**`), the cases and case generators of
every other corpus (heldout, heldout2, corpus, realworld, peers, catalog) and the RESULTS.md / CORRECTIONS.md of
the other rounds. The cases were committed before the review was run on any of them.

Every source below is a public fix commit, pull request or issue that rounds 1 and 2 did not use (a clean
look-alike may share the source of a defect case of this round: it is the fixed shape of that defect). Each case
is a diff written for this corpus in its own words (new names, packages and code), keeping only the *shape* of the
defect the source removed; the diff is the change that *introduces* the defect (defect cases) or correct code of
the same shape (clean look-alikes, `-ok-` in the name, no expectations). Labels follow the checklist items' own
text: "would a careful reviewer reading that item flag this line?".

Line convention (as rounds 1 and 2): `# expect: path:line:ITEM` names the line *in the new file* where the
resource, context or transaction is acquired (Open/Create, Get/Do/execute/send, Query/prepareStatement/
createStatement, Begin/getTransaction/beginTransaction or an explicit BEGIN, WithTimeout/WithCancel, a helper call
that returns the resource), or for defects that are a call rather than a lifecycle, the line of that call: the
`go`/`start()`/`schedule*`/`AddFunc` call (CONC-01/07), the `set`/`put` (CONC-04), the `catch` that receives the
`InterruptedException` (CONC-05), the `defer` inside the loop (RES-03), the constructor of the pool or client
(RES-04), the client construction or the call without a timeout (TMO-01), the call that drops the caller's context
(TMO-02), the log call (LOG-01). Matching allows +-2 lines. `ITEM|OTHER`: one defect that either item names.
`# accept:` lines mark an item that arguably applies there too (a finding of it is neither a miss nor a false
positive). JDBC statements that set no query timeout carry `# accept: ...:TMO-01` (TMO-01's text: "JDBC:
`setQueryTimeout`").

Generated with `python3 make_cases.py` from `cases_go.py` and `cases_java.py` (the authored sources, with
`//@ITEM` markers that the generator strips).

| case | source | defect (or what the look-alike does right) | expectations |
|---|---|---|---|
"""


def main():
    sys.path.insert(0, HERE)
    rows = []
    for mod in ('cases_go', 'cases_java'):
        for case in importlib.import_module(mod).CASES:
            text, expects = render(case)
            with open(os.path.join(HERE, case['name'] + '.diff'), 'w') as f:
                f.write(text)
            ex = ', '.join('%d:%s' % (ln, item) for ln, item in expects) or 'clean'
            rows.append('| %s | %s | %s | %s |' % (case['name'], case['source'], case['desc'], ex))
    tail = ''
    corrections = os.path.join(HERE, 'CORRECTIONS.md')
    if os.path.exists(corrections):
        tail = '\n' + open(corrections).read()
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as f:
        f.write(SOURCES_HEAD + '\n'.join(rows) + '\n' + tail)


if __name__ == '__main__':
    main()
