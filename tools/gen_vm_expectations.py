#!/usr/bin/env python3.12
"""Records what CPython 3.12 prints for each golden program of the interpreter tests.

Usage: tools/gen_vm_expectations.py [case.py ...]   (default: every case)
Each case NAME.pysrc (a .py file; named so the parser tests, which require every .py to be in the
Loopscope subset, leave it alone) gets NAME.expect.json with stdout, stderr and the exit status. Programs run from a scratch
directory so that tracebacks name them "NAME.py"; object addresses are replaced by 0xADDR.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "src", "test", "resources", "dev", "loopscope", "python", "golden")
PYTHON = os.environ.get("PYTHON312", "/root/.pyenv/versions/3.12.1/bin/python3.12")


LIB = os.path.join(os.path.dirname(os.path.dirname(PYTHON)), "lib", "python3.12")


def scrub(text, scratch):
    # programs are named by their file name
    text = text.replace(scratch + "/", "")
    return re.sub(r"0x[0-9a-f]{6,}", "0xADDR", text)


def main(argv):
    cases = argv or sorted(f for f in os.listdir(GOLDEN) if f.endswith(".pysrc"))
    scratch = tempfile.mkdtemp(prefix="lsgolden")
    try:
        for case in cases:
            src = os.path.basename(case)
            if not src.endswith(".pysrc"):
                src = src.replace(".py", "") + ".pysrc"
            name = src[:-len(".pysrc")] + ".py"
            shutil.copy(os.path.join(GOLDEN, src), os.path.join(scratch, name))
            p = subprocess.run([PYTHON, os.path.join(scratch, name)], cwd=scratch, capture_output=True, text=True,
                               timeout=120, env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"})
            expect = {"stdout": scrub(p.stdout, scratch), "stderr": scrub(p.stderr, scratch),
                      "exit": p.returncode}  # negative: killed by that signal, as Loopscope reports it
            with open(os.path.join(GOLDEN, name[:-3] + ".expect.json"), "w") as f:
                json.dump(expect, f, indent=1, ensure_ascii=False)
                f.write("\n")
            print(f"{name}: exit {p.returncode}")
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main(sys.argv[1:])
