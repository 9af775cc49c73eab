"""What every held-out round from 36 on shares: writing its diffs and checking its sources.

A round's folder keeps only what is its own: `cases_go.py` and `cases_java.py` (the templates, written with
`Templates`, `go_version(s)` and `java_version(s)` below), and in `make_cases.py`
its MOVED lines (round 29's check_defect_texts) and ACCEPT lines (label gaps accepted after run 1). Its
`make_cases.py` calls `generate` and its `check_sources.py` calls `check_sources`, so a fix to either lands once.
Rounds up to 35 keep their own copies (each loads an earlier round's generator); they write the same bytes.

The generator chain is reached through round 35's `make_cases.py`: round 28's `check_templates`, round 29's
`check_defect_texts`, round 16's `numbered` (common16), round 14's `unmark_old_versions` and round 11's `write`
(a throw-away git repository and `git diff --cached -M`, so every case is a real git diff, renames and CRLF kept).
"""
import glob, importlib.util, os, re, sys

REVIEW = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    """A Python file loaded as a module under ``name`` (the rounds' folders are not packages)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h35 = load('heldout35_make_cases', os.path.join(REVIEW, 'heldout35', 'make_cases.py'))
h29, h28, h25, common16 = h35.h29, h35.h28, h35.h25, h35.common16
check35 = load('check_sources_35', os.path.join(REVIEW, 'heldout35', 'check_sources.py'))
check19 = check35.check19


def round_modules(here):
    """The round's two template modules, named after its folder."""
    name = os.path.basename(here)
    return (load(name + '_cases_go', os.path.join(here, 'cases_go.py')),
            load(name + '_cases_java', os.path.join(here, 'cases_java.py')))


def check_defect_texts(cases_go, cases_java, moved):
    """Round 29's check over one round's templates: the module globals it reads are pointed at that round first."""
    h29.cases_go, h29.cases_java, h29.MOVED = cases_go, cases_java, moved
    return h29.check_defect_texts()


def template_problems(cases_go, cases_java, moved):
    """Round 28's and round 29's checks: a defect version that keeps a clean line beside its replacement, or still
    has a line the edit from the clean file deletes (round 27's case-writing slip)."""
    return (h28.check_templates(cases_go.TEMPLATES + cases_java.TEMPLATES)
            + check_defect_texts(cases_go, cases_java, moved))


def add_accepts(here, accept):
    """Each accepted label gap becomes an `# accept:` header line of its case, above the diff."""
    for name, specs in accept.items():
        path = os.path.join(here, name + '.diff')
        with open(path, encoding='utf-8', newline='') as fh:
            text = fh.read()
        head, sep, body = text.partition('diff --git ')
        head += ''.join('# accept: %s\n' % spec for spec in specs)
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            fh.write(head + sep + body)


def generate(here, cases_go, cases_java, moved, accept):
    """Rewrites every *.diff of the round in ``here`` from its templates, refusing templates that fail the checks."""
    problems = template_problems(cases_go, cases_java, moved)
    if problems:
        print('\n'.join(problems))
        sys.exit('template check failed')
    for old in glob.glob(os.path.join(here, '*.diff')):
        os.remove(old)
    common16.numbered(cases_go.CASES, 'go')
    common16.numbered(cases_java.CASES, 'java')
    h14 = h25.h24.h23.h22.h21.h20.h19.h18.h17.h16.h15.h14
    for lang in (cases_go.CASES, cases_java.CASES):
        h14.unmark_old_versions(lang)
    h14.h13.h12.h11.write(here, cases_go.CASES, cases_java.CASES)
    add_accepts(here, accept)


def names_used(here, *lists):
    """Full names and names after the slash of the lists' repositories and of every other round's sources."""
    names, full = set(), set()
    for path in lists:
        if os.path.exists(path):
            with open(path) as fh:
                for line in fh:
                    if '/' in line:
                        full.add(line.strip().lower())
                        names.add(line.strip().lower().split('/', 1)[1])
    for sources in glob.glob(os.path.join(REVIEW, 'heldout*', 'SOURCES*.md')):
        if os.path.samefile(os.path.dirname(sources), here):
            continue
        with open(sources) as fh:
            for m in re.finditer(r'github\.com/([\w.-]+)/([\w.-]+)/', fh.read()):
                full.add(('%s/%s' % (m.group(1), m.group(2))).lower())
                names.add(m.group(2).lower())
    return names, full


def check_sources(here, lists, covered, make):
    """Round 19's check of the round's sources against ``lists``, a check by name after the slash (any owner), and
    the template checks through the round's ``make`` module. Prints what clashes; returns 1 when anything does."""
    status = check19.main(*lists, here=here, covered=covered)
    names, full = names_used(here, *lists)
    clashes = set()
    for diff in sorted(glob.glob(os.path.join(here, '*.diff'))):
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        m = re.match(r'# source: https://github\.com/([^/]+)/([^/\s]+)/', source)
        repo, name = ('%s/%s' % (m.group(1), m.group(2))).lower(), m.group(2).lower()
        if repo in full or name in names:
            clashes.add(repo)
    for repo in sorted(clashes):
        print('repository used before (by owner/name or by name, any owner): %s' % repo)
    print('%d source repositories used before by owner/name or by name' % len(clashes))
    kept = template_problems(make.cases_go, make.cases_java, make.MOVED)
    for problem in kept:
        print('defect keeps the clean replacement: %s' % problem)
    print('%d defect versions keep a clean replacement line' % len(kept))
    return 1 if status or clashes or kept else 0


class Templates(list):
    """A round's templates in the order written, (name, text) pairs; `template` adds one and hands its text back."""

    def template(self, name, text):
        self.append((name, text))
        return text


def go_version(pkg, imports, header=''):
    """A Go template's body to a function of the version: the file as `go` lays it out with that version's lines."""
    return lambda body: (lambda v: common16.go(pkg, imports, common16.variant(body, v), header))


def go_versions(pkg, imports_of, header=''):
    """Like go_version, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: common16.go(pkg, imports_of[v], common16.variant(body, v), header))


def java_version(pkg, imports):
    """A Java template's body to a function of the version, imports sorted and once each."""
    return lambda body: (lambda v: common16.java(pkg, sorted(set(imports)), common16.variant(body, v)))


def java_versions(pkg, imports_of):
    """Like java_version, but the imports depend on the version (`imports_of[v]`), as an IDE would leave them."""
    return lambda body: (lambda v: common16.java(pkg, sorted(set(imports_of[v])), common16.variant(body, v)))
