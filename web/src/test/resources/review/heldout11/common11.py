"""Round-11 authoring helpers: thin wrappers over round 8's cases_common (imported through round 10's generator).

`case` records one case; `gomod`/`pom` write build files; `two` turns one annotated text into an old and a new
version, so an edit inside an existing function (a release deleted, a guard removed) is written once:
a line starting with `+|` exists only in the new file, a line starting with `-|` only in the old one.
"""
from cases_common import go, java, src, tst, f, edit


def make_case(store):
    def case(name, source, desc, **kw):
        d = {'name': name, 'source': source, 'desc': desc}
        d.update(kw)
        store.append(d)
    return case


def two(text):
    old, new = [], []
    for line in text.split('\n'):
        if line.startswith('+|'):
            new.append(line[2:])
        elif line.startswith('-|'):
            old.append(line[2:])
        else:
            old.append(line)
            new.append(line)
    return '\n'.join(old), '\n'.join(new)


def go_edit(path, pkg, imports, text, new_imports=None, crlf=False, rename_from=None, header=''):
    """An existing Go file changed by the `+|`/`-|` lines of `text`."""
    o, n = two(text)
    d = f(path, old=go(pkg, imports, o, header), new=go(pkg, new_imports or imports, n, header), crlf=crlf)
    if rename_from:
        d['rename_from'] = rename_from
    return d


def java_edit(path, pkg, imports, text, new_imports=None, crlf=False, rename_from=None, new_pkg=None):
    """An existing Java file changed by the `+|`/`-|` lines of `text`."""
    o, n = two(text)
    d = f(path, old=java(pkg, sorted(imports), o), new=java(new_pkg or pkg, sorted(new_imports or imports), n), crlf=crlf)
    if rename_from:
        d['rename_from'] = rename_from
    return d


def gomod(module, reqs, version='1.23'):
    return 'module %s\n\ngo %s\n\nrequire (\n%s)\n' % (module, version, ''.join('\t%s\n' % r for r in reqs))


def pom(artifact, deps):
    body = ''.join('    <dependency>\n      <groupId>%s</groupId>\n      <artifactId>%s</artifactId>\n'
                   '      <version>%s</version>\n    </dependency>\n' % tuple(d.split(':')) for d in deps)
    return ('<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
            '  <groupId>org.example</groupId>\n  <artifactId>%s</artifactId>\n  <version>0.1.0</version>\n'
            '  <dependencies>\n%s  </dependencies>\n</project>\n' % (artifact, body))
