import sys
def f():
    try:
        return 1 / 0
    finally:
        print("cleanup")
try:
    f()
except ZeroDivisionError as e:
    print("caught", e)
print("bye", file=sys.stderr)
sys.exit(3)
