"""Round-16 authoring helpers: round 15's common15 (rounds 11 to 15's helpers) re-exported, plus a `cases_of` that
also takes per-version extra files, a CRLF main file and a renamed main file. A template line may start with `N|`
(digits): it is kept only in the versions named by the digits (`0|` the clean look-alike, `1|` the first defect, `12|`
both defects); `//@{N}ITEM` marks a line for those versions only (common15.variant)."""
from common15 import (make_case, gomod, pom, numbered, GO_GENERATED, JAVA_GENERATED, go, java, src, tst, f,  # noqa: F401
                      variant, plain)


def cases_of(case, source, path, build, versions, extra=(), crlf=False, rename_from=None, rename_old=None):
    """`build(v)` is the whole text of `path` in version v; `versions` holds (v, name, description, shape[, files])
    with shape 'new' (a new file), 'edit' (the clean file changed into version v), 'fix' (version 1 changed into
    version v) or 'rename' (the clean file, moved from `rename_from`, changed into version v); `extra` are further
    files of every case, the optional fifth element further files of that case only; `rename_old` turns the clean text
    into the text the file had under its old name (a class renamed with its file)."""
    for item in versions:
        v, name, desc, shape = item[:4]
        more = list(item[4]) if len(item) > 4 else []
        kw = {'crlf': True} if crlf else {}
        if shape == 'new':
            main = f(path, new=build(v), **kw)
        elif shape == 'edit':
            main = f(path, old=plain(build(0)), new=build(v), **kw)
        elif shape == 'rename':
            old = plain(build(0))
            main = f(path, old=rename_old(old) if rename_old else old, new=build(v), rename_from=rename_from, **kw)
        else:
            main = f(path, old=plain(build(1)), new=build(v), **kw)
        case(name, source, desc, files=[main] + list(extra) + more)
