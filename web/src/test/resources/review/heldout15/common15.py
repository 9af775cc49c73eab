"""Round-15 authoring helpers: round 14's common14 (rounds 11 to 14's helpers) re-exported, plus templates with more
than two versions. A template line may start with `N|` (digits): it is kept only in the versions named by the digits
(`0|` the clean look-alike, `1|` the first defect, `12|` both defects); a marker `//@{N}ITEM` names a line for those
versions only, a plain `//@ITEM` for every version that keeps the line. `variant` turns one template into one version;
`cases_of` turns a template into its cases, each a new file, an edit that breaks the clean code, or the fix."""
import re

from common14 import (make_case, go_edit, java_edit, gomod, pom, pick, numbered, GO_GENERATED,  # noqa: F401
                      JAVA_GENERATED, go, java, src, tst, f)

ONLY = re.compile(r'^([0-9]+)\|')
SOME = re.compile(r' //@\{([0-9]+)\}(~?[A-Z0-9|-]+)')
ANY = re.compile(r' //@~?[A-Z0-9|-]+$', re.M)


def variant(text, v):
    out = []
    for line in text.split('\n'):
        m = ONLY.match(line)
        if m:
            if str(v) not in m.group(1):
                continue
            line = line[m.end():]
        line = SOME.sub(lambda mm: ' //@' + mm.group(2) if str(v) in mm.group(1) else '', line)
        out.append(line)
    return '\n'.join(out)


def plain(text):
    return ANY.sub('', text)


def cases_of(case, source, path, build, versions, extra=()):
    """`build(v)` is the whole text of `path` in version v; `versions` is a list of (v, name, description, shape) with
    shape 'new' (a new file), 'edit' (the clean file changed into version v) or 'fix' (version 1 changed into the
    clean one); `extra` are further files of every case."""
    for v, name, desc, shape in versions:
        if shape == 'new':
            main = f(path, new=build(v))
        elif shape == 'edit':
            main = f(path, old=plain(build(0)), new=build(v))
        else:
            main = f(path, old=plain(build(1)), new=build(v))
        case(name, source, desc, files=[main] + list(extra))
