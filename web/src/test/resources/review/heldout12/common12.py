"""Round-12 authoring helpers: round 11's common11 (imported through round 11's generator path) plus `pick`, which
chooses the defect or the clean text of a template line by line: a line starting with `B|` exists only in the defect
version, `C|` only in the clean one; markers on shared lines count for the defect version only."""
from common11 import make_case, go_edit, java_edit, gomod, pom, two  # noqa: F401 (re-exported)
from cases_common import go, java, src, tst, f
import re


def pick(text, bad):
    out = []
    for line in text.split('\n'):
        if line.startswith('B|'):
            if bad:
                out.append(line[2:])
        elif line.startswith('C|'):
            if not bad:
                out.append(line[2:])
        else:
            out.append(line)
    text = '\n'.join(out)
    # A clean version carries no expectation: markers written on shared lines label the defect version only.
    return text if bad else re.sub(r' //@~?[A-Z0-9|-]+', '', text)


def keep(cases, dropped, lang):
    """The cases not in `dropped`, renumbered in order (defects and clean look-alikes apart), so a trimmed round
    keeps consecutive names."""
    kept = [c for c in cases if c['name'].split('-', 3)[1 if '-ok-' not in c['name'] else 2] not in dropped.get(
        'ok' if '-ok-' in c['name'] else 'bad', ())]
    counts = {'bad': 0, 'ok': 0}
    for c in kept:
        kind = 'ok' if '-ok-' in c['name'] else 'bad'
        counts[kind] += 1
        parts = c['name'].split('-')
        if kind == 'ok':
            c['name'] = '-'.join([lang, 'ok', '%02d' % counts[kind]] + parts[3:])
        else:
            c['name'] = '-'.join([lang, '%02d' % counts[kind]] + parts[2:])
    return kept


def pair_as_edits(cases, render, visible_lines, limit):
    """Turns up to `limit` defect/clean pairs that share their only file into edits of an existing file: the defect case
    becomes the change that turns the clean code into the defective one (a release or guard deleted in place), the clean
    case the fix that turns the defective code into the clean one. A pair stays as new files when a label would fall
    outside git's three lines of context."""
    by_path = {}
    for c in cases:
        if len(c['files']) == 1 and 'old' not in c['files'][0] and not c['files'][0].get('crlf'):
            by_path.setdefault(c['files'][0]['path'], []).append(c)
    done = 0
    for path, group in by_path.items():
        bad = [c for c in group if '-ok-' not in c['name']]
        ok = [c for c in group if '-ok-' in c['name']]
        if done >= limit or len(bad) != 1 or len(ok) != 1:
            continue
        d, c = bad[0], ok[0]
        d_new, c_new = d['files'][0]['new'], c['files'][0]['new']
        d['files'][0]['old'] = c_new
        c['files'][0]['old'] = re.sub(r' //@~?[A-Z0-9|-]+', '', d_new)
        diff, marks = render(d)
        visible = visible_lines(diff)
        if all(line in visible.get(p, ()) for p, line, _, _ in marks):
            d['kind_note'] = c['kind_note'] = 'edit'
            done += 1
        else:
            del d['files'][0]['old'], c['files'][0]['old']
    return done
