# print() writes each piece to a file object with its own write() call and flushes it when asked; it writes to whatever sys.stdout currently is, and the standard streams have name, mode and writable().
import sys
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Capture()
print("a", "b", 3, sep="-", end="!\n", file=c)
print(file=c)
print("x", file=c, flush=True)
print(c.parts)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
try:
    print("x", end=[])
except TypeError as e:
    print(e)
try:
    print("x", file=5)
except AttributeError as e:
    print(e)
print("x", flush="yes")
print(sys.stdout.write("abc\n"), sys.stdout.writable() if hasattr(sys.stdout, "writable") else None)
sys.stdout.flush()
print(repr(sys.stdout), sys.stdout.name, sys.stderr.encoding, sys.stdout.mode, sys.stderr.writable())
print("err", file=sys.__stderr__)
print(sys.stdout is sys.__stdout__, print(end="") is None)
old = sys.stdout
sys.stdout = c
print("redirected")
sys.stdout = old
print("restored", c.parts[-2:])
