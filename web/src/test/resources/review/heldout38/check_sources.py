#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round, a precision set, this session's
other blind rounds or this session's breadth reading used.

Round 35's check (loaded from ../heldout35, not copied), which is round 19's check (reached through round 30's, 29's,
28's, 27's, 25's, 24's and 23's) plus a check of the name after the slash, run over this round's cases: the
repositories of rounds 1 to 35, of the precision sets and of the breadth passes (`/tmp/s35/used-repos.txt`), the
precision-set repositories round 19's check names by repository name (any owner, its PRECISION), the repositories of
rounds 36, 37 and 39, written in this session by other engineers (`/tmp/s35/round36-repos.txt`,
`/tmp/s35/round37-repos.txt`, `/tmp/s35/round39-repos.txt`, read by this script only), and the repositories the
fixing engineers of this session read for breadth (`/tmp/s35/breadth-repos.txt`, growing during this round). A list
that does not exist yet is reported and skipped. Besides, the name after the slash of every source is checked against
the names of those lists and of the SOURCES.md and SOURCES_HEAD.md of every other round (a repository of the same name
under another owner is reported too). Last, round 29's `check_defect_texts` and round 28's `check_templates` are run
again over this round's templates (through make_cases.py): no defect version may keep the clean version's replacement
line (round 27's lesson).
Run: python3 check_sources.py /tmp/s35/used-repos.txt /tmp/s35/breadth-repos.txt /tmp/s35/round36-repos.txt \
         /tmp/s35/round37-repos.txt /tmp/s35/round39-repos.txt
Prints each case whose source repository is on one of those lists, then the counts; exits 1 when there is any.
"""
import glob, importlib.util, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check35 = load('check_sources_35', os.path.join(HERE, '..', 'heldout35', 'check_sources.py'))


def names_used(*lists):
    """Round 35's `names_used`, but leaving out this round's own SOURCES files (round 35's leaves out round 35's)."""
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
    status = check35.check19.main(*lists, here=HERE, covered='rounds 1-35, the precision sets, the breadth passes, '
                                  'rounds 36, 37 and 39 or this session\'s breadth reading')
    names, full = names_used(*lists)
    clashes = set()
    for diff in sorted(os.listdir(HERE)):
        if not diff.endswith('.diff'):
            continue
        with open(os.path.join(HERE, diff), encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        repo = source.split('github.com/', 1)[1].split('/')[:2]
        owner_name, name = ('%s/%s' % tuple(repo)).lower(), repo[1].lower()
        if owner_name in full or name in names:
            clashes.add(owner_name)
    for repo in sorted(clashes):
        print('repository used before (by owner/name or by name, any owner): %s' % repo)
    print('%d source repositories used before by owner/name or by name' % len(clashes))
    make = load('heldout38_make_cases', os.path.join(HERE, 'make_cases.py'))
    kept = make.check_defect_texts() + make.h28.check_templates(make.cases_go.TEMPLATES + make.cases_java.TEMPLATES)
    for problem in kept:
        print('defect keeps the clean replacement: %s' % problem)
    print('%d defect versions keep a clean replacement line' % len(kept))
    return 1 if status or clashes or kept else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
