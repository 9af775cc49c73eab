#!/usr/bin/env python3
"""Writes the round-7 held-out review corpus: one git diff per case.

Copied from ../heldout6/make_cases.py (round 6, itself from rounds 5 and 4) without change to the rendering; only
this docstring and the corpus name differ. Round 6's description follows.

- a file may be written with CRLF line ends ("crlf": True): every line of that file in the diff (added, removed,
  context) ends in a carriage return, as git shows a Windows-edited file; the diff's own header lines do not;
- files that are not code (YAML, go.mod, pom.xml, Markdown, properties) travel with the change as real pull requests
  carry them; they never carry expectations;
- vendored code (a path under vendor/ or third_party/) and generated code (a first line "Code generated ... DO NOT
  EDIT.") never carry expectations: a reviewer of the pull request does not review them against the checklist, so a
  finding in one counts as a false positive (like a finding in a test file).
Round 5's description follows.

- modifications are rendered as `git diff` renders them by default: three lines of context around each hunk (several
  hunks per file where the changes are apart), not the whole file; a case may ask for whole-file context ("full": True)
  as round 4 did;
- renamed files ("rename_from": old path) get the `similarity index / rename from / rename to` header of git;
- new files get `new file mode 100644`; every file gets an `index` line as git writes it;
- test files (`_test.go`, `src/test/java/...`) may travel with the change; they never carry expectations (the review
  skips test code by default, so a finding in one counts as a false positive);
- pure deletions: a case whose only change to the defect is a deleted line; the expectation stays on the line of the
  new file where the resource is acquired, and the generator checks that this line is visible in the diff (a `+` or a
  context line), since a reviewer of the diff could not flag a line it does not show.
Each file is authored as the new (and, for modifications, the old) text. A trailing marker comment "//@ITEM-ID" on a
line of the new text records an expected finding there ("," several defects on that line; "|" one defect that either
item names; "~ITEM" an item that arguably applies too, written as "# accept:"). The marker is stripped from the diff
and becomes a "# expect: path:line:ITEM" header. Line = line in the new file.
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import difflib, hashlib, importlib, os, re, sys

MARK = re.compile(r'\s*//@(~?[A-Z]+-\d+(?:[,|]~?[A-Z]+-\d+)*)\s*$')
HIDDEN = []  # expectations on lines the diff does not show (must stay empty)
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
    f = {k: case[k] for k in ('path', 'new', 'old', 'rename_from', 'full', 'crlf') if k in case}
    return [f]


def is_test(path):
    return path.endswith('_test.go') or '/src/test/' in path or path.startswith('src/test/')


def is_unreviewed(path, text):
    first = text.strip('\n').split('\n', 1)[0]
    return (is_test(path) or path.startswith('vendor/') or '/vendor/' in path or path.startswith('third_party/')
            or ('Code generated' in first and 'DO NOT EDIT' in first)
            or not (path.endswith('.go') or path.endswith('.java')))


def eol(lines, crlf):
    return [l + '\r' for l in lines] if crlf else lines


def blob(lines):
    return hashlib.sha1(('\n'.join(lines) + '\n').encode()).hexdigest()[:7]


def visible_new_lines(hunks):
    """New-file line numbers shown in the rendered hunks (added or context)."""
    seen = set()
    ln = 0
    for h in hunks:
        m = re.match(r'@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@', h)
        if m:
            ln = int(m.group(1))
            continue
        if h.startswith('+') or h.startswith(' '):
            seen.add(ln)
            ln += 1
    return seen


def render(case):
    head = ['# ' + case['desc'], '# source: ' + case['source']]
    body, all_expects = [], []
    for f in files_of(case):
        path = f['path']
        new, expects = strip(f['new'])
        assert not (expects and is_unreviewed(path, f['new'])), (case['name'], path, 'expectation in an unreviewed file')
        crlf = f.get('crlf', False)
        all_expects += [(path, ln, item) for ln, item in expects]
        if 'old' not in f:
            body += ['diff --git a/%s b/%s' % (path, path), 'new file mode 100644',
                     'index 0000000..%s' % blob(new), '--- /dev/null', '+++ b/' + path,
                     '@@ -0,0 +1,%d @@' % len(new)]
            body += ['+' + l for l in eol(new, crlf)]
            continue
        old, _ = strip(f['old'])
        src = f.get('rename_from', path)
        body.append('diff --git a/%s b/%s' % (src, path))
        if src != path:
            sim = int(100 * difflib.SequenceMatcher(None, old, new).ratio())
            body += ['similarity index %d%%' % sim, 'rename from ' + src, 'rename to ' + path]
        body.append('index %s..%s 100644' % (blob(old), blob(new)))
        n = len(old) + len(new) if f.get('full') else 3
        diff = list(difflib.unified_diff(old, new, 'a/' + src, 'b/' + path, n=n, lineterm=''))
        assert diff, (case['name'], path, 'no change')
        hunks = diff[2:]
        shown = visible_new_lines(hunks)
        for ln, item in expects:
            if ln not in shown and not item.startswith('~'):
                HIDDEN.append((case['name'], path, ln, item))
        if crlf:
            hunks = [h if h.startswith('@@') else h + '\r' for h in hunks]
        body += diff[:2] + hunks
    head += ['# expect: %s:%d:%s' % (p, ln, item) for p, ln, item in all_expects if not item.startswith('~')]
    head += ['# accept: %s:%d:%s' % (p, ln, item[1:]) for p, ln, item in all_expects if item.startswith('~')]
    return '\n'.join(head + body) + '\n', all_expects


SOURCES_HEAD = open(os.path.join(HERE, 'SOURCES_HEAD.md')).read() if os.path.exists(
    os.path.join(HERE, 'SOURCES_HEAD.md')) else ''


def kind(case):
    fs = files_of(case)
    tags = []
    prod = [f for f in fs if not is_test(f['path'])]
    if any('rename_from' in f for f in fs):
        tags.append('rename')
    if any('old' in f and not f.get('full') for f in prod):
        tags.append('partial')
    elif any('old' in f for f in prod):
        tags.append('whole-file')
    else:
        tags.append('new')
    if case.get('deletion'):
        tags.append('deletion')
    if any(is_test(f['path']) for f in fs):
        tags.append('+test')
    if any(f.get('crlf') for f in fs):
        tags.append('crlf')
    if any(not (f['path'].endswith('.go') or f['path'].endswith('.java')) for f in fs):
        tags.append('+config')
    if any(('vendor/' in f['path'] or f['path'].startswith('third_party/')) for f in fs):
        tags.append('+vendored')
    if any('DO NOT EDIT' in f['new'].strip('\n').split('\n', 1)[0] for f in fs):
        tags.append('+generated')
    langs = {f['path'].rsplit('.', 1)[-1] for f in fs if f['path'].endswith(('.go', '.java'))}
    if len(langs) > 1:
        tags.append('go+java')
    return ' '.join(tags)


def main():
    sys.path.insert(0, HERE)
    rows, names = [], set()
    for old in os.listdir(HERE):
        if old.endswith('.diff'):
            os.remove(os.path.join(HERE, old))
    stats = {}
    for mod in ('cases_go', 'cases_java'):
        for case in importlib.import_module(mod).CASES:
            assert case['name'] not in names, case['name']
            names.add(case['name'])
            text, expects = render(case)
            assert ('-ok-' in case['name']) == (not [e for e in expects if not e[2].startswith('~')]), case['name']
            with open(os.path.join(HERE, case['name'] + '.diff'), 'w', newline='') as f:
                f.write(text)
            multi = len(files_of(case)) > 1
            ex = ', '.join(('%s:%d:%s' % (p.rsplit('/', 1)[-1], ln, item)) if multi else ('%d:%s' % (ln, item))
                           for p, ln, item in expects) or 'clean'
            k = kind(case)
            rows.append('| %s | %s | %s | %s | %s |' % (case['name'], case['source'], k, case['desc'], ex.replace('|', '\\|')))
            lang = case['name'].split('-')[0]
            for t in [lang, lang + (' clean' if '-ok-' in case['name'] else ' defect')] + [lang + ' ' + w for w in k.split()]:
                stats[t] = stats.get(t, 0) + 1
    tail = ''
    corrections = os.path.join(HERE, 'CORRECTIONS.md')
    if False and os.path.exists(corrections):
        tail = '\n' + open(corrections).read()
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as f:
        f.write(SOURCES_HEAD + '\n'.join(rows) + '\n' + tail)
    for h in HIDDEN:
        print('expectation on a line the diff does not show:', h)
    assert not HIDDEN
    print(len(rows), 'cases')
    for k in sorted(stats):
        print('  %-22s %d' % (k, stats[k]))


if __name__ == '__main__':
    main()
