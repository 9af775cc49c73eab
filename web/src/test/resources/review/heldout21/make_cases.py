#!/usr/bin/env python3
"""Writes the round-21 held-out review corpus: one git diff per case, plus SOURCES.md.

The cases are in cases_go.py and cases_java.py (templates written once, each giving three cases: two defect versions
and a clean look-alike, see round 16's common16.py; `//@ITEM` markers name the lines a reviewer reading the checklist
should flag, `//@~ITEM` an item that arguably applies too). Nothing of the generator is repeated here: this script
loads round 20's make_cases.py as a module (which loads round 19's and, through it, the generators of rounds 18 to 9:
`render`, a throw-away git repository and `git diff --cached -M`, so every case is a real git diff with three lines of
context, renames and CRLF included), uses round 20's path to round 16's common16.py, and writes through round 11's
`write`, which also checks that every labelled line lies in a hunk of the diff.
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import glob, importlib.util, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


h20 = load('heldout20_make_cases', os.path.join(HERE, '..', 'heldout20', 'make_cases.py'))
sys.path.insert(0, HERE)
import common16  # noqa: E402 (on the path once round 20's generator has put round 16's folder there)
cases_go = load('heldout21_cases_go', os.path.join(HERE, 'cases_go.py'))
cases_java = load('heldout21_cases_java', os.path.join(HERE, 'cases_java.py'))


# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect, which the case did not label. Each becomes an `# accept:` header line; no case code and no expectation
# changes. Filled in after run 1 only.
ACCEPT = {
    'go-03-mongodb-exporter-connects-client-per-scrape': ['exporter/replset_collector.go:15:RES-01'],
    'go-13-tchannel-peer-dial-without-timeout': ['dial_peer.go:12:TMO-02'],
    'go-17-wal-listener-group-wait-result-dropped': ['listener/listener_process.go:19:ERR-01'],
    'go-39-trento-publish-through-default-client': ['agent/discovery/collector/publish.go:17:TMO-02'],
    'java-05-feilong-sftp-session-disconnected-only-on-success':
        ['src/main/java/com/feilong/net/filetransfer/sftp/SftpFileTransfer.java:28:RES-01'],
    'java-19-axon-kafka-producer-per-publish':
        ['src/main/java/org/axonframework/extensions/kafka/eventhandling/producer/KafkaEventPublisher.java:34:RES-01'],
}


def add_accepts():
    for name, specs in ACCEPT.items():
        path = os.path.join(HERE, name + '.diff')
        with open(path, encoding='utf-8', newline='') as fh:
            text = fh.read()
        head, sep, body = text.partition('diff --git ')
        head += ''.join('# accept: %s\n' % spec for spec in specs)
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            fh.write(head + sep + body)


def main():
    for old in glob.glob(os.path.join(HERE, '*.diff')):
        os.remove(old)
    common16.numbered(cases_go.CASES, 'go')
    common16.numbered(cases_java.CASES, 'java')
    h14 = h20.h19.h18.h17.h16.h15.h14
    for lang in (cases_go.CASES, cases_java.CASES):
        h14.unmark_old_versions(lang)
    h14.h13.h12.h11.write(HERE, cases_go.CASES, cases_java.CASES)
    add_accepts()


if __name__ == '__main__':
    main()
