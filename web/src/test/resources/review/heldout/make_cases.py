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


def main():
    sys.path.insert(0, HERE)
    for mod in ('cases_go', 'cases_java'):
        if not os.path.exists(os.path.join(HERE, mod + '.py')):
            continue
        for case in importlib.import_module(mod).CASES:
            text, _ = render(case)
            with open(os.path.join(HERE, case['name'] + '.diff'), 'w') as f:
                f.write(text)


if __name__ == '__main__':
    main()
