#!/usr/bin/env python3
"""Runs go vet and staticcheck on the Go cases of a held-out review corpus, next to the review.

Usage (from the project root, after `mvn -q -DskipTests package`):
    python3 web/src/test/bench/heldout_go_peers.py web/src/test/resources/review/heldout2 [more corpus dirs]

Each Go case's added files become one package of a scratch module (nothing is fetched: GOPROXY=off, GOFLAGS=-mod=mod).
Only cases whose package type-checks are compared, because the peers analyse nothing else; cases that import
third-party modules or APIs newer than the local Go do not. A peer "finds" a defect case when it reports anything in
that case's files, and raises a false alarm when it reports anything in a clean (-ok-) case: generous to the peers on
purpose. staticcheck's U1000 (unused) is left out: every case is a lone function nobody calls. The review's result is
its own, on the same diff, with findings matched to the case's expectations as the held-out tests match them
(same path, within two lines, one of the items), at any confidence.
"""
import json, os, re, shutil, subprocess, sys, tempfile

def added_files(diff_text):
    files, current = {}, None
    for line in diff_text.splitlines():
        if line.startswith('+++ '):
            path = line[4:].strip()
            current = None if path == '/dev/null' else re.sub(r'^b/', '', path)
            if current is not None and current.endswith('.go'):
                files[current] = []
            else:
                current = None
        elif current is not None and line.startswith('+'):
            files[current].append(line[1:])
        elif current is not None and line.startswith(' '):
            files[current].append(line[1:])
    return {k: '\n'.join(v) + '\n' for k, v in files.items()}

def expectations(diff_text):
    out = []
    for m in re.finditer(r'^# expect: (\S+):(\d+):(\S+)', diff_text, re.M):
        out.append((m.group(1), int(m.group(2)), m.group(3).split('|')))
    return out

def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr

def review(diff_path, jar):
    p = subprocess.run(['java', '-jar', jar, 'review', '--diff', diff_path, '--format', 'json'],
                       capture_output=True, text=True)
    try:
        return [f for f in json.loads(p.stdout).get('findings', []) if not f.get('suppressed')]
    except json.JSONDecodeError:
        sys.exit('review failed on %s: %s' % (diff_path, p.stderr[-500:]))

def main(dirs):
    jar = 'target/postmortem-kb.jar'
    sc = shutil.which('staticcheck') or shutil.which('go-staticcheck')
    env = dict(os.environ, GOPROXY='off', GOSUMDB='off', GOFLAGS='-mod=mod', GO111MODULE='on', CGO_ENABLED='0')
    for corpus in dirs:
        cases = sorted(f for f in os.listdir(corpus) if f.startswith('go-') and f.endswith('.diff'))
        work = tempfile.mkdtemp(prefix='heldout-peers-')
        with open(os.path.join(work, 'go.mod'), 'w') as f:
            f.write('module scratch\n\ngo 1.19\n')
        rows = []
        for name in cases:
            text = open(os.path.join(corpus, name), encoding='utf-8').read()
            pkg = os.path.join(work, name[:-5].replace('-', '_'))
            os.makedirs(pkg)
            for path, src in added_files(text).items():
                with open(os.path.join(pkg, os.path.basename(path)), 'w', encoding='utf-8') as f:
                    f.write(src)
            code, out = run(['go', 'build', './' + os.path.relpath(pkg, work)], work, env)
            rows.append({'name': name, 'clean': '-ok-' in name, 'compiles': code == 0, 'pkg': pkg, 'text': text})
        ok = [r for r in rows if r['compiles']]
        pkgs = ['./' + os.path.relpath(r['pkg'], work) for r in ok]
        vet = run(['go', 'vet'] + pkgs, work, env)[1] if pkgs else ''
        stc = run([sc, '-checks', 'all,-U1000,-ST1000,-ST1003,-ST1020,-ST1021,-ST1022'] + pkgs, work, env)[1] if pkgs and sc else ''
        print('\n## %s (go %s; staticcheck %s)\n' % (corpus, run(['go', 'env', 'GOVERSION'], work, env)[1].strip(),
              'present' if sc else 'absent'))
        print('| case | kind | go vet | staticcheck | review |')
        print('|---|---|---|---|---|')
        tally = {'vet': 0, 'sc': 0, 'review': 0, 'union': 0, 'defects': 0, 'clean': 0,
                 'vet_fp': 0, 'sc_fp': 0, 'review_fp': 0}
        for r in ok:
            d = os.path.basename(r['pkg'])
            v = [l for l in vet.splitlines() if '/' + d + '/' in l or l.startswith(d + '/') or ('./' + d + '/') in l]
            s = [l for l in stc.splitlines() if ('/' + d + '/') in l or l.startswith(d + '/')]
            found = review(os.path.join(corpus, r['name']), jar)
            exp = expectations(r['text'])
            if r['clean']:
                hit = bool(found)
            else:
                hit = all(any(f.get('path') == p and abs(f.get('line', 0) - l) <= 2 and f.get('item') in items
                              for f in found) for p, l, items in exp) if exp else bool(found)
            kind = 'clean' if r['clean'] else 'defect'
            tally['clean' if r['clean'] else 'defects'] += 1
            if r['clean']:
                tally['vet_fp'] += bool(v); tally['sc_fp'] += bool(s); tally['review_fp'] += hit
            else:
                tally['vet'] += bool(v); tally['sc'] += bool(s); tally['review'] += hit; tally['union'] += bool(v or s)
            short = lambda ls: '; '.join(re.sub(r'^.*?\.go:\d+:\d+: ', '', l) for l in ls)[:90] or '-'
            print('| %s | %s | %s | %s | %s |' % (r['name'][:-5], kind, short(v), short(s), 'yes' if hit else 'no'))
        print('\n%d of %d Go cases type-check with the local Go (%d defects, %d clean).' % (
            len(ok), len(rows), tally['defects'], tally['clean']))
        print('Defects found: go vet %(vet)d, staticcheck %(sc)d, their union %(union)d, the review %(review)d.' % tally)
        print('Clean cases flagged: go vet %(vet_fp)d, staticcheck %(sc_fp)d, the review %(review_fp)d.' % tally)
        shutil.rmtree(work)

if __name__ == '__main__':
    main(sys.argv[1:] or ['web/src/test/resources/review/heldout2'])
