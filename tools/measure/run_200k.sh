#!/bin/bash
# Runs bench_200k_tasks.py 5 times under /usr/bin/time -v for CPython 3.11.7
# and 3.12.1 and prints each run's wall time, elapsed time and peak RSS.
cd "$(dirname "$0")"
for v in 3.11.7/bin/python3.11 3.12.1/bin/python3.12; do
  for i in 1 2 3 4 5; do
    /usr/bin/time -v /root/.pyenv/versions/$v bench_200k_tasks.py 2> /tmp/time-v.txt
    grep -E "Elapsed \(wall|Maximum resident|User time|System time" /tmp/time-v.txt | sed 's/^\s*/    /'
  done
done
