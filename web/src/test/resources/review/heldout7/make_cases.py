#!/usr/bin/env python3
"""Writes the round-7 held-out review corpus: one git diff per case.

The rendering is round 6's generator (../heldout6/make_cases.py, whose docstring describes the case format), run on
this folder's cases_go.py, cases_java.py and SOURCES_HEAD.md rather than copied here.
Run: python3 make_cases.py  (rewrites *.diff and SOURCES.md in this directory)
"""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))


def round6_generator():
    spec = importlib.util.spec_from_file_location(
        'round6_make_cases', os.path.join(HERE, '..', 'heldout6', 'make_cases.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # point it at this folder: its functions read these module globals when they run
    module.HERE = HERE
    head = os.path.join(HERE, 'SOURCES_HEAD.md')
    module.SOURCES_HEAD = open(head).read() if os.path.exists(head) else ''
    return module


if __name__ == '__main__':
    round6_generator().main()
