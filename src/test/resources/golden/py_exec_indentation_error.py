# Rule: an IndentationError from exec() is printed like CPython's: the
# offending line and a single caret at its offset (the end of the range is
# ignored for subclasses of SyntaxError); SyntaxError itself underlines it all.
for src in ["x = 1 +* 2\n", "if True:\nprint('body')\n", "while x:\n    pass\n  y = 1\n"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_offset)
exec("def handler():\nreturn 1\n")
