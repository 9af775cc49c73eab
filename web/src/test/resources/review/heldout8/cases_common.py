"""Small authoring helpers shared by cases_go.py and cases_java.py (round 8)."""
import re


def indent_tabs(text):
    """Go code is authored with four-space indents here and written with tabs, as gofmt does."""
    out = []
    for line in text.split('\n'):
        m = re.match(r'^((?:    )+)', line)
        out.append('\t' * (len(m.group(1)) // 4) + line[len(m.group(1)):] if m else line)
    return '\n'.join(out)


def go(pkg, imports, body, header=''):
    lines = []
    for imp in imports:
        if imp == '':
            lines.append('')
        elif ' ' in imp:
            alias, path = imp.split(' ', 1)
            lines.append('\t%s "%s"' % (alias, path))
        else:
            lines.append('\t"%s"' % imp)
    block = 'import (\n%s\n)\n\n' % '\n'.join(lines) if imports else ''
    return header + 'package %s\n\n' % pkg + block + indent_tabs(body.strip('\n')) + '\n'


def java(pkg, imports, body):
    imps = ''.join('import %s;\n' % i for i in imports)
    return 'package %s;\n\n%s\n%s\n' % (pkg, imps, body.strip('\n'))


def src(pkg, cls):
    return 'src/main/java/%s/%s.java' % (pkg.replace('.', '/'), cls)


def tst(pkg, cls):
    return 'src/test/java/%s/%s.java' % (pkg.replace('.', '/'), cls)


def f(path, **kw):
    d = {'path': path}
    d.update(kw)
    return d


def edit(text, old, new):
    """The new text of a file: `old` (which must occur once) replaced by `new`."""
    assert text.count(old) == 1, old
    return text.replace(old, new)
