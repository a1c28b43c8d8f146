#!/usr/bin/env python3
"""Regenerates the parser's expected outcomes from CPython 3.12's own parser.

Reads the case files src/test/resources/dev/loopscope/python/syntax/cases/*.txt and writes, next to each,
a .jsonl file of {"name", "source", "expect"} lines that ParserConformanceTest compares against. CI never
runs this: the .jsonl files are committed.

Case file format: a line '### name' starts a case whose source is the following lines, each ending with a
newline; '###! name' is followed by one line holding a Python string literal, for sources that need exact
control characters or no final newline.

Usage: python3.12 tools/gen_parser_expectations.py [case files...]
"""

import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyast_dump  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CASES = os.path.join(ROOT, 'src', 'test', 'resources', 'dev', 'loopscope', 'python', 'syntax', 'cases')


def read_cases(path):
    cases = []
    name = None
    literal = False
    lines = []

    def flush():
        if name is None:
            return
        if literal:
            cases.append((name, eval(lines[0], {"__builtins__": {"range": range}})))
        else:
            body = list(lines)
            while body and body[-1] == '':
                body.pop()
            cases.append((name, ''.join(line + '\n' for line in body)))

    with open(path, encoding='utf-8') as f:
        for raw in f.read().split('\n'):
            if raw.startswith('###'):
                flush()
                literal = raw.startswith('###!')
                name = raw[4:].strip() if literal else raw[3:].strip()
                lines = []
            elif name is not None:
                lines.append(raw)
    flush()
    return cases


def main(paths):
    if sys.version_info[:2] != (3, 12):
        sys.exit('needs CPython 3.12')
    for path in paths or sorted(glob.glob(os.path.join(CASES, '*.txt'))):
        out = os.path.splitext(path)[0] + '.jsonl'
        with open(out, 'w', encoding='utf-8') as f:
            for name, source in read_cases(path):
                f.write(json.dumps({'name': name, 'source': source, 'expect': pyast_dump.outcome(source)}) + '\n')
        print(out)


if __name__ == '__main__':
    main(sys.argv[1:])
