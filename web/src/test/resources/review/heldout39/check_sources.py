#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round, a precision set or this session's
breadth reading used.

Round 19's check (reached through round 30's, 29's, 28's, 27's, 25's, 24's and 23's, loaded from ../heldout30, not
copied) over this round's cases: the repositories of rounds 1 to 35, of the precision sets and of the breadth passes
(`/tmp/s35/used-repos.txt`), the precision-set repositories round 19's check names by repository name (any owner, its
PRECISION), the repositories of rounds 36, 37 and 38, written in this session by other engineers
(`/tmp/s35/round36-repos.txt`, `/tmp/s35/round37-repos.txt`, `/tmp/s35/round38-repos.txt`, read by this script only),
and the repositories the fixing engineers of this session read for breadth (`/tmp/s35/breadth-repos.txt`, written by
other engineers during this round). A list that does not exist yet is reported and skipped. Besides, the name after
the slash of every source is checked against the names of those lists and of the SOURCES.md and SOURCES_HEAD.md of
every other round (a repository of the same name under another owner is reported too). Last, round 29's
`check_defect_texts` is run again over this round's templates (through make_cases.py): no defect version may keep the
clean version's replacement line (round 27's lesson).
Run: python3 check_sources.py /tmp/s35/used-repos.txt /tmp/s35/breadth-repos.txt /tmp/s35/round36-repos.txt \
         /tmp/s35/round37-repos.txt /tmp/s35/round38-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_sources_30', os.path.join(HERE, '..', 'heldout30', 'check_sources.py'))
check30 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check30)
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


def main(*lists):
    status = check19.main(*lists, here=HERE,
                          covered='rounds 1-38, the precision sets, the breadth passes or this session\'s breadth reading')
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
    spec = importlib.util.spec_from_file_location('heldout39_make_cases', os.path.join(HERE, 'make_cases.py'))
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    kept = make.check_defect_texts() + make.h28.check_templates(make.cases_go.TEMPLATES + make.cases_java.TEMPLATES)
    for problem in kept:
        print('defect keeps the clean replacement: %s' % problem)
    print('%d defect versions keep a clean replacement line' % len(kept))
    return 1 if status or clashes or kept else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
