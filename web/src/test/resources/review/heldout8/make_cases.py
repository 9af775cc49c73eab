#!/usr/bin/env python3
"""Writes the round-8 held-out review corpus: one git diff per case.

The rendering is round 6's generator (../heldout6/make_cases.py, whose docstring describes the case format), run on
this folder's cases_go.py, cases_java.py and SOURCES_HEAD.md rather than copied here (as round 7 does).
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))


def load_round6():
    spec = importlib.util.spec_from_file_location(
        'round6_generator', os.path.join(HERE, '..', 'heldout6', 'make_cases.py'))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    # the generator reads these module globals when it runs: aim them at this folder
    gen.HERE = HERE
    head = os.path.join(HERE, 'SOURCES_HEAD.md')
    gen.SOURCES_HEAD = open(head).read() if os.path.exists(head) else ''
    return gen


if __name__ == '__main__':
    load_round6().main()
