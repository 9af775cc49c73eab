#!/usr/bin/env python3
"""Writes the round-4 held-out review corpus: one unified git diff per case.

Copied from ../heldout3/make_cases.py (round 3) and extended: a case may change several files (a "files" list of
{path, new[, old]}), so one diff can hold a helper in one file and its caller in another. Each file is authored as
the new (and, for modifications, the old) text. A trailing marker comment "//@ITEM-ID" on a line of the new text
records an expected finding there ("," several defects on that line; "|" one defect that either item names;
"~ITEM" an item that arguably applies too, written as "# accept:"). The marker is stripped from the diff and
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


def files_of(case):
    if 'files' in case:
        return case['files']
    f = {'path': case['path'], 'new': case['new']}
    if 'old' in case:
        f['old'] = case['old']
    return [f]


def render(case):
    head = ['# ' + case['desc'], '# source: ' + case['source']]
    body, all_expects = [], []
    for f in files_of(case):
        path = f['path']
        new, expects = strip(f['new'])
        all_expects += [(path, ln, item) for ln, item in expects]
        body.append('diff --git a/%s b/%s' % (path, path))
        if 'old' not in f:
            body += ['new file mode 100644', '--- /dev/null', '+++ b/' + path, '@@ -0,0 +1,%d @@' % len(new)]
            body += ['+' + l for l in new]
        else:
            old, _ = strip(f['old'])
            # Whole-file context (as git diff --function-context gives for files this small): the lines the change
            # relies on (the Begin above a new continue, the Do above a new early return) are part of the diff.
            body += list(difflib.unified_diff(old, new, 'a/' + path, 'b/' + path, n=len(old) + len(new), lineterm=''))
    head += ['# expect: %s:%d:%s' % (p, ln, item) for p, ln, item in all_expects if not item.startswith('~')]
    head += ['# accept: %s:%d:%s' % (p, ln, item[1:]) for p, ln, item in all_expects if item.startswith('~')]
    return '\n'.join(head + body) + '\n', all_expects


SOURCES_HEAD = open(os.path.join(HERE, 'SOURCES_HEAD.md')).read() if os.path.exists(
    os.path.join(HERE, 'SOURCES_HEAD.md')) else ''


def main():
    sys.path.insert(0, HERE)
    rows, names = [], set()
    for mod in ('cases_go', 'cases_java'):
        for case in importlib.import_module(mod).CASES:
            assert case['name'] not in names, case['name']
            names.add(case['name'])
            text, expects = render(case)
            assert ('-ok-' in case['name']) == (not [e for e in expects if not e[2].startswith('~')]), case['name']
            with open(os.path.join(HERE, case['name'] + '.diff'), 'w') as f:
                f.write(text)
            multi = len(files_of(case)) > 1
            ex = ', '.join(('%s:%d:%s' % (p.rsplit('/', 1)[-1], ln, item)) if multi else ('%d:%s' % (ln, item))
                           for p, ln, item in expects) or 'clean'
            rows.append('| %s | %s | %s | %s |' % (case['name'], case['source'], case['desc'], ex))
    tail = ''
    corrections = os.path.join(HERE, 'CORRECTIONS.md')
    if os.path.exists(corrections):
        tail = '\n' + open(corrections).read()
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as f:
        f.write(SOURCES_HEAD + '\n'.join(rows) + '\n' + tail)
    print(len(rows), 'cases')


if __name__ == '__main__':
    main()
