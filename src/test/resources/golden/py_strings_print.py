# Rule: common string methods and print's sep/end; isinstance with tuples;
# type(x).__name__ of the builtin types.
s = "  Hello, Async World  "
print(s.strip(), s.upper(), s.replace("World", "Loop"), sep=" | ")
print(s.split(), "a,b,,c".split(","), s.strip().split(", "), "x".join(["1", "2", "3"]))
print(", ".join([str(i) for i in range(5)]), "-".join("abc"), "".join(["a", "b"]))
print(s.strip().startswith("Hello"), s.startswith("Hello"), "task-1".startswith("task"))
print(len(s), "abc" * 3, "ab" + "cd", "b" in "abc", "x" < "y", "B" < "a")
print("Task-12".split("-"), int("Task-12".split("-")[1]) + 1, "|" + " x ".strip() + "|", "a-b-c".replace("-", ""))
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" <- continued", end=" ")
print()
print("multi", 1, 2.0, None, True, [1], sep="\t")
for value in [1, 1.5, "s", True, None, [1], (1,), {"k": 1}, 2**100]:
    print(type(value).__name__, isinstance(value, (int, float)), isinstance(value, str))
print(isinstance(True, int), isinstance(1, bool), isinstance(ValueError("x"), Exception))
print(isinstance(KeyError("k"), (ValueError, KeyError)), isinstance(ZeroDivisionError("z"), ValueError), str(ValueError("m")), repr(KeyError("k")))
