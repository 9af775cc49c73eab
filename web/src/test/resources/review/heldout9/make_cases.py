#!/usr/bin/env python3
"""Writes the round-9 held-out review corpus: one git diff per case, plus SOURCES.md.

Each case (cases_go.py, cases_java.py) lists its files as old/new texts; this script commits the old texts in a
throw-away git repository, writes the new ones over them (renames, deletions and CRLF files included) and keeps what
`git diff --cached -M` prints, so every case is a real git diff with git's three lines of context. Markers at the end
of a line of a new text name what a reviewer reading the checklist should flag there:
  //@ITEM            an expected finding on that line (`ITEM|OTHER`: one defect either item names)
  //@~ITEM           an item that arguably applies there too (neither a miss nor a false positive)
several separated by commas. The markers are stripped before the diff is made; the line numbers go into the
`# expect:` / `# accept:` header lines that HeldOutCorpusTest reads.
The authoring helpers (go, java, src, tst, f, edit) are round 8's cases_common.py, imported from ../heldout8.
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'heldout8'))
sys.path.insert(0, HERE)

MARK = re.compile(r'[ \t]*//@([~A-Z0-9|,\-]+)[ \t]*$')
CODE = ('.go', '.java')


def strip_markers(path, text):
    """The text without markers, and the (line, items, accepted) triples the markers named."""
    out, marks = [], []
    for no, line in enumerate(text.split('\n'), 1):
        m = MARK.search(line)
        if m:
            for spec in m.group(1).split(','):
                marks.append((no, spec.lstrip('~'), spec.startswith('~')))
            line = line[:m.start()]
        out.append(line)
    return '\n'.join(out), [(path, no, items, acc) for no, items, acc in marks]


def is_test(path):
    return path.endswith('_test.go') or '/src/test/' in '/' + path


def is_unreviewed(path, text):
    return (path.startswith('vendor/') or '/vendor/' in path or 'Code generated' in (text or '')[:400]
            or 'DO NOT EDIT' in (text or '')[:400])


def kind(c):
    tags = []
    code = [x for x in c['files'] if x['path'].endswith(CODE) and not is_test(x['path'])
            and not is_unreviewed(x['path'], x.get('new') or x.get('old'))]
    if any(x.get('old') is not None and x.get('new') is not None and not x.get('rename_from') for x in code):
        tags.append('partial')
    else:
        tags.append('new')
    if any(x.get('rename_from') for x in c['files']):
        tags.append('rename')
    if any(is_test(x['path']) for x in c['files']):
        tags.append('+test')
    if any(x.get('crlf') for x in c['files']):
        tags.append('crlf')
    if any(x['path'].startswith('vendor/') or '/vendor/' in x['path'] for x in c['files']):
        tags.append('+vendored')
    if any('Code generated' in (x.get('new') or '')[:400] for x in c['files']):
        tags.append('+generated')
    if any(not x['path'].endswith(CODE) for x in c['files']):
        tags.append('+other')
    if any(x.get('new') is None for x in c['files']):
        tags.append('+delete')
    return ','.join(tags)


def git(repo, *args):
    return subprocess.run(['git', '-c', 'core.autocrlf=false', '-c', 'core.safecrlf=false', '-c', 'core.quotepath=off',
                           '-c', 'user.name=corpus', '-c', 'user.email=corpus@example.invalid', *args],
                          cwd=repo, check=True, capture_output=True).stdout


def write(repo, path, text, crlf):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    data = text.replace('\n', '\r\n') if crlf else text
    with open(full, 'w', newline='') as fh:
        fh.write(data)


def render(c):
    repo = tempfile.mkdtemp(prefix='heldout9-')
    try:
        git(repo, 'init', '-q')
        marks = []
        for x in c['files']:
            if x.get('old') is not None:
                write(repo, x.get('rename_from') or x['path'], x['old'], x.get('crlf'))
        git(repo, 'add', '-A')
        git(repo, 'commit', '-q', '--allow-empty', '-m', 'base')
        for x in c['files']:
            if x.get('rename_from'):
                os.makedirs(os.path.dirname(os.path.join(repo, x['path'])) or '.', exist_ok=True)
                git(repo, 'mv', x['rename_from'], x['path'])
            if x.get('new') is None:
                os.remove(os.path.join(repo, x['path']))
                continue
            text, m = strip_markers(x['path'], x['new'])
            marks += m
            write(repo, x['path'], text, x.get('crlf'))
        git(repo, 'add', '-A')
        diff = git(repo, 'diff', '--cached', '-M', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/')
        return diff.decode('utf-8'), marks
    finally:
        shutil.rmtree(repo)


def visible_lines(diff):
    """New-file line numbers that appear in the diff (added or context lines), by path."""
    out, path, line = {}, None, 0
    for raw in diff.split('\n'):
        if raw.startswith('+++ '):
            path = raw[6:] if raw.startswith('+++ b/') else None
            continue
        if raw.startswith('--- ') or raw.startswith('diff --git'):
            continue
        m = re.match(r'^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@', raw)
        if m:
            line = int(m.group(1))
            continue
        if path is None or not raw:
            continue
        if raw[0] in ' +':
            out.setdefault(path, set()).add(line)
            line += 1
    return out


def main():
    import cases_go, cases_java
    cases = cases_go.CASES + cases_java.CASES
    names = [c['name'] for c in cases]
    assert len(names) == len(set(names)), 'duplicate case names'
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    rows = []
    for c in cases:
        diff, marks = render(c)
        expected = [m for m in marks if not m[3]]
        visible = visible_lines(diff)
        for p, n, i, a in marks:
            assert n in visible.get(p, ()), '%s: %s:%d is not in any hunk of the diff' % (c['name'], p, n)
        assert ('-ok-' in c['name']) == (not expected), c['name'] + ': clean cases expect nothing, defects something'
        head = ['# case: ' + c['desc'], '# source: ' + c['source']]
        head += ['# expect: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if not a]
        head += ['# accept: %s:%d:%s' % (p, n, i) for p, n, i, a in marks if a]
        with open(os.path.join(HERE, c['name'] + '.diff'), 'w', newline='') as fh:
            fh.write('\n'.join(head) + '\n' + diff)
        exp = ', '.join('%s:%d %s' % (os.path.basename(p), n, i) for p, n, i, a in expected) or 'nothing (clean)'
        rows.append('| %s | %s | %s | %s | %s |' % (c['name'], c['source'], kind(c), c['desc'].replace('|', '/'), exp))
    head = open(os.path.join(HERE, 'SOURCES_HEAD.md')).read() if os.path.exists(os.path.join(HERE, 'SOURCES_HEAD.md')) else ''
    with open(os.path.join(HERE, 'SOURCES.md'), 'w') as fh:
        fh.write(head.rstrip('\n') + '\n\n| case | source | kind | what the change does | expected |\n|---|---|---|---|---|\n')
        fh.write('\n'.join(rows) + '\n')
    print('%d cases (%d Go, %d Java), %d defect cases, %d clean' % (
        len(cases), len(cases_go.CASES), len(cases_java.CASES), sum('-ok-' not in n for n in names),
        sum('-ok-' in n for n in names)))


if __name__ == '__main__':
    main()
