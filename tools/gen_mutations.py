#!/usr/bin/env python3
"""Mutates valid programs at random and records what CPython 3.12 makes of each mutant.

Writes JSON lines {"name", "source", "expect"} like gen_parser_expectations.py, for a differential check of
Loopscope's parser against CPython (ParserConformanceTest reads cases/mutations.jsonl).

Usage: python3.12 tools/gen_mutations.py SEED COUNT OUT.jsonl [seed programs...]
"""
import io
import json
import os
import random
import sys
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyast_dump  # noqa: E402

CHARS = list("()[]{}:;,.=+-*/%@<>!'\"#\\ \t\n_") + list("abcxyz019") + ['if', 'else', 'for', 'in', 'not', 'lambda',
                                                                       'await', 'async', 'yield', 'f"', "'''", ':=',
                                                                       '**', '->', '...', '\n    ', '\t', 'def ',
                                                                       'return ', 'import ', 'class ', '{x}', '!r']


def tokens_of(src):
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.INDENT) and t.string]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


def offset(src, row, col):
    lines = src.split('\n')
    return sum(len(line) + 1 for line in lines[:row - 1]) + col


def mutate(src, rnd):
    kind = rnd.randrange(9)
    if not src:
        return rnd.choice(CHARS)
    i = rnd.randrange(len(src))
    if kind == 0:
        return src[:i] + src[i + 1:]
    if kind == 1:
        return src[:i] + rnd.choice(CHARS) + src[i:]
    if kind == 2 and i + 1 < len(src):
        return src[:i] + src[i + 1] + src[i] + src[i + 2:]
    lines = src.split('\n')
    j = rnd.randrange(len(lines))
    if kind == 3:
        del lines[j]
        return '\n'.join(lines)
    if kind == 4:
        lines.insert(j, lines[rnd.randrange(len(lines))])
        return '\n'.join(lines)
    if kind == 5:
        k = rnd.randrange(len(lines))
        lines[j], lines[k] = lines[k], lines[j]
        return '\n'.join(lines)
    if kind == 6:
        lines[j] = rnd.choice(['', ' ', '  ', '    ', '\t', '        ']) + lines[j].lstrip()
        return '\n'.join(lines)
    toks = tokens_of(src)
    if not toks:
        return src[:i] + src[i + 1:]
    t = rnd.choice(toks)
    a = offset(src, *t.start)
    b = offset(src, *t.end)
    if kind == 7:
        return src[:a] + src[b:]
    other = rnd.choice(toks).string
    return src[:a] + other + src[b:]


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    programs = []
    for path in sys.argv[4:]:
        with open(path, encoding='utf-8') as f:
            programs.append(f.read())
    rnd = random.Random(seed)
    seen = set()
    with open(out, 'w', encoding='utf-8') as f:
        n = 0
        while n < count:
            src = rnd.choice(programs)
            for _ in range(rnd.choice([1, 1, 1, 2, 3])):
                src = mutate(src, rnd)
            if src in seen:
                continue
            seen.add(src)
            expect = pyast_dump.outcome(src)
            if expect.startswith('EXC'):
                continue  # CPython itself failed oddly (ValueError...): nothing to compare with
            f.write(json.dumps({'name': f'mutation {seed}-{n}', 'source': src, 'expect': expect}) + '\n')
            n += 1


if __name__ == '__main__':
    main()
