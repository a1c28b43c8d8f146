# exec() and eval() details: SyntaxError text ends with the newline the tokenizer read (None for compiler errors), eval() ignores only leading blanks, and a function's locals() is one dict that keeps what exec() put in it.
for src, mode in [("1 +", "eval"), ("1 +\n", "eval"), ("1 +", "exec"), ("x = (1,", "exec"), ("if True", "exec"),
                  ("foo(", "eval"), ("a b", "eval"), ("return", "exec"), ("1 = x", "exec"), ("x ===  2", "exec")]:
    try:
        eval(src) if mode == "eval" else exec(src)
    except SyntaxError as e:
        print(repr(src), mode, "->", e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(eval("  \t 6 * 7"), eval("2 + 3\n"))
def f():
    exec("z = 5")
    first = locals()
    y = 1
    second = locals()
    return "z" in locals(), first is second, sorted(second)
print(f())
def g():
    x = 1
    snapshot = locals()
    del x
    return sorted(snapshot), sorted(locals())
print(g())
exec("def broken(:\n    pass")
