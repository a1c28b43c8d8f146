# A lone surrogate cannot go to stdout (UnicodeEncodeError at the piece print was writing, after the pieces before it) but stderr writes it as a backslash escape.
import sys
print("ok")
print("x\udcff", file=sys.stderr)
sys.stderr.write("w\ud800\n")
try:
    print("a", "b\ud800c", "d")
except UnicodeEncodeError as e:
    print("\ncaught", e, e.start, e.end)
print("valid pair 😀 ok")
print("bad \ud800 char")
print("after")
