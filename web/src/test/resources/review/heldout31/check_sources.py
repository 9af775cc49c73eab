#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round, a precision set or this session's
breadth reading used, and that no defect case carries the clean version's replacement line.

Round 19's check (reached through round 30's, 29's, 28's, 27's, 25's, 24's and 23's, loaded from ../heldout30, not
copied) over this round's cases: the repositories of rounds 1 to 30 and of precision sets 1 to 24 and the breadth passes
(`/tmp/s33/used-repos.txt`, 2,354 repositories), the precision-set repositories round 19's check names by repository name
(any owner, its PRECISION) and the repositories the fixing engineers of this session read for breadth
(`/tmp/s33/breadth-repos.txt`, written by other engineers during this round). A list that does not exist yet is reported
and skipped. Besides, the name after the slash of every source is checked against the names of those lists and of the
SOURCES.md and SOURCES_HEAD.md of every earlier round, round 30 included (a repository of the same name under another
owner is reported too).
Last, round 28's `check_templates` and round 29's `check_defect_texts` are run again over this round's templates (the
same check make_cases.py runs before it writes): a defect version may not keep a clean-only line next to the line that
replaces it, nor a line the edit from the clean file deletes (round 27's slip).
Run: python3 check_sources.py /tmp/s33/used-repos.txt /tmp/s33/breadth-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check30 = load('check_sources_30', os.path.join(HERE, '..', 'heldout30', 'check_sources.py'))
check19 = check30.check19


def names_used(*lists):
    """Repository names (after the slash) of the lists and of every earlier round's sources."""
    names, full = set(), set()
    for path in lists:
        if os.path.exists(path):
            with open(path) as fh:
                for line in fh:
                    if '/' in line:
                        full.add(line.strip().lower())
                        names.add(line.strip().lower().split('/', 1)[1])
    for sources in glob.glob(os.path.join(HERE, '..', 'heldout*', 'SOURCES*.md')):
        if os.path.samefile(os.path.dirname(sources), HERE):
            continue
        with open(sources) as fh:
            for m in re.finditer(r'github\.com/([\w.-]+)/([\w.-]+)/', fh.read()):
                full.add(('%s/%s' % (m.group(1), m.group(2))).lower())
                names.add(m.group(2).lower())
    return names, full


def template_problems():
    make = load('heldout31_make_cases', os.path.join(HERE, 'make_cases.py'))
    problems = make.h28.check_templates(make.cases_go.TEMPLATES + make.cases_java.TEMPLATES)
    return problems + make.check_defect_texts()


def main(*lists):
    status = check19.main(*lists, here=HERE,
                          covered='rounds 1-30, the precision sets 1-24, the breadth passes or this session\'s breadth reading')
    names, full = names_used(*lists)
    clashes = set()
    for diff in sorted(glob.glob(os.path.join(HERE, '*.diff'))):
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        m = re.match(r'# source: https://github\.com/([^/]+)/([^/\s]+)/', source)
        repo, name = ('%s/%s' % (m.group(1), m.group(2))).lower(), m.group(2).lower()
        if repo in full or name in names:
            clashes.add(repo)
    for repo in sorted(clashes):
        print('repository used before (by owner/name or by name, any owner): %s' % repo)
    print('%d source repositories used before by owner/name or by name' % len(clashes))
    problems = template_problems()
    for p in problems:
        print('template: ' + p)
    print('%d template problems (a defect version keeping a clean line or its replacement)' % len(problems))
    return 1 if status or clashes or problems else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
