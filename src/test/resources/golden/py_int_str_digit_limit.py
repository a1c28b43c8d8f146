# Rule: the int/str digit limit (4300 by default) applies to str(), repr(),
# print, format specs and %d, and to int() of decimal strings, not to hex;
# sys.set_int_max_str_digits changes it (0 or more than 640).
import sys

big = 10 ** 4400
checks = [lambda: len(str(10 ** 4299)), lambda: str(10 ** 4300), lambda: f"{big:,}", lambda: "%d" % big,
          lambda: format(big, "d"), lambda: repr(-big), lambda: int("7" * 4301), lambda: hex(big)[:10],
          lambda: f"{big:x}"[:6], lambda: len(f"{big:e}"), lambda: sys.get_int_max_str_digits(),
          lambda: sys.set_int_max_str_digits(100), lambda: sys.set_int_max_str_digits(maxdigits=5000),
          lambda: len(str(big)), lambda: sys.get_int_max_str_digits(), lambda: sys.set_int_max_str_digits(700),
          lambda: len(str(10 ** 699)), lambda: str(10 ** 700)[:3], lambda: int("1" * 701),
          lambda: sys.set_int_max_str_digits(0), lambda: len(str(10 ** 20000))]
for check in checks:
    try:
        print(repr(check()))
    except ValueError as e:
        print("ValueError:", e)
sys.set_int_max_str_digits(4300)
print(big)
