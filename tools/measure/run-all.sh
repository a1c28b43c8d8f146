#!/bin/bash
# Runs every measurement script one after another and keeps the outputs in
# tools/measure/results/ (the figures in src/docs/cost-model.md come from there).
cd "$(dirname "$0")"
PY312=/root/.pyenv/versions/3.12.1/bin/python3.12
PY311=/root/.pyenv/versions/3.11.7/bin/python3.11
mkdir -p results
$PY312 ops.py > results/ops-3.12.txt 2>&1
$PY311 ops.py > results/ops-3.11.txt 2>&1
$PY312 memory.py > results/memory-3.12.txt 2>&1
$PY312 startup.py > results/startup-3.12.txt 2>&1
$PY311 startup.py > results/startup-3.11.txt 2>&1
./run_200k.sh > results/bench-200k.txt 2>&1
$PY312 iterations.py > results/iterations-3.12.txt 2>&1
$PY311 iterations.py > results/iterations-3.11.txt 2>&1
uptime > results/load-after-run.txt
