#!/usr/bin/env python3
"""Writes the round-117 held-out review corpus: one git diff per case and SOURCES.md (SOURCES_HEAD.md plus a row a case).

The cases are in cases_go.py and cases_java.py: templates written once, each giving three cases (two defect versions
and a clean look-alike; `N|` lines and `//@ITEM` markers as in round 16's common16.py). No generator code lives here:
this file holds the round's MOVED and ACCEPT lines and calls the generator every round from 36 on shares,
`../heldoutlib.py` (`generate`: the template checks of rounds 28 and 29, then round 11's `write`, then the accept
lines).
Run: python3 make_cases.py   (rewrites *.diff and SOURCES.md in this directory)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import heldoutlib  # noqa: E402  (the generator the rounds share, one folder up)

cases_go, cases_java = heldoutlib.round_modules(HERE)

# Label errors of this corpus found after run 1 (RESULTS.md): a finding of the review on a line whose code really has
# that defect and that the case did not label. Each becomes an `# accept:` header line for run 2; no case code and no
# expectation changes. Filled in after run 1 only, for run 2.
ACCEPT = {
    # easyss' first defect (labelled TMO-01 on the tunnel read) also lost the receive loop's recover: the template marked
    # the recover `02|` (clean and second defect) where `01|` was meant. The review reported CONC-01 on the `go
    # ex.receiveLoop(...)` line (30): in this version that goroutine really has no recover. A real defect the case did
    # not label.
    'go-07-easyss-dns-exchange-without-response-timeout': ['client/proxy/udp_exchange.go:30:CONC-01'],
    # The same template's timer, `time.AfterFunc(respTimeout, e.close)` (line 51 of the clean file and of the second
    # defect, which through the same marking slip is the clean file itself), runs e.close in a goroutine of its own with
    # no recover; a panic in the stream's Close or in onClose would end the process. By CONC-01's letter ("every
    # goroutine"), a real defect on a line the cases did not label.
    'go-08-easyss-dns-exchange-loop-without-recover': ['client/proxy/udp_exchange.go:51:CONC-01'],
    'go-ok-04-easyss-dns-exchange-reaped': ['client/proxy/udp_exchange.go:51:CONC-01'],
    # yggdrasil's first defect starts `go s.tun.writePacket(packet)` for every packet (labelled CONC-02). That goroutine
    # has no recover either: the review's CONC-01 on the same line is a real defect of it, unlabelled.
    'go-19-yggdrasil-tun-conn-goroutine-per-packet': ['src/tuntap/conn.go:61:CONC-01'],
}

# Lines a defect version moves rather than removes (the same statement at another place), by case-name fragment.
MOVED = {
    # No defect of this round moves a statement to another place: every defect version removes, adds or rewrites lines.
}


def check_defect_texts():
    """Round 29's check over this round's templates (check_sources.py runs it too)."""
    return heldoutlib.check_defect_texts(cases_go, cases_java, MOVED)


if __name__ == '__main__':
    heldoutlib.generate(HERE, cases_go, cases_java, MOVED, ACCEPT)
