"""Per-operation CPU costs of Python-level work, for Loopscope's cost model.

Run:  python3.12 tools/measure/ops.py [--quick]

Method: each micro-benchmark is a function whose body is
`for i in range(N): <statement>` (the statement written 4 times); it is timed
with time.thread_time (CPU time of the running thread, so waiting for a core
on this shared 2-core machine does not count) over REPEAT runs; the best run (and, for reference,
the median) is divided by N, and the empty loop is subtracted to get the cost
of the statement.  The best run is used for the model because the machine
is shared with other processes, which only ever add time.  Bytecodes per iteration are counted by
executing one iteration under an opcode tracer (sys.settrace with
f_trace_opcodes), so the per-bytecode-class costs can be derived.  The
derived class costs are then used to predict four different CPU-bound
functions from their dynamically counted bytecodes, and the prediction is
compared with their measured time.
"""
import asyncio
import dis
import statistics
import sys
import time

QUICK = "--quick" in sys.argv
N = 1_000_000 if QUICK else 5_000_000
REPEAT = 5 if QUICK else 9


MEDIANS = {}


def median_time(fn, *args):
    """Best of REPEAT runs (used for the model: other processes share this
    2-core machine and only ever add time); the median is kept in MEDIANS."""
    times = []
    for _ in range(REPEAT):
        t0 = time.thread_time()
        fn(*args)
        times.append(time.thread_time() - t0)
    MEDIANS[fn] = statistics.median(times)
    return min(times)


# ---- micro-benchmarks -------------------------------------------------------
# Each body statement is repeated UNROLL times inside the loop so that the
# per-statement cost stands well above timing noise; "net" costs are
# (time per iteration - empty loop) / UNROLL.

UNROLL = 4


def noop():
    pass


def one_arg(x):
    return x


G = 7

MICRO_SPECS = [
    # (label, setup, statement)
    ("empty loop iteration", "", "pass"),
    ("x = i", "", "x = i"),
    ("x = i + 1 (int add, result < 2**30)", "", "x = i + 1"),
    ("s += i (int add, s grows past 2**30)", "s = 0", "s += i"),
    ("x = y * 1.5 (float multiply)", "y = 1.0001", "x = y * 1.5"),
    ("x = i < 5 (comparison)", "", "x = i < 5"),
    ("if i < 0: pass (compare + branch)", "", "if i < 0: pass"),
    ("x = lst[2] (list index)", "lst = [1, 2, 3, 4]", "x = lst[2]"),
    ('x = d["k"] (dict lookup)', 'd = {"k": 1, "j": 2}', 'x = d["k"]'),
    ("x = G (global read)", "", "x = G"),
    ("noop() (Python function call, no args)", "", "noop()"),
    ("one_arg(i) (Python function call, 1 arg)", "", "one_arg(i)"),
    ("lst.append(i) (method call on a list)", "lst = []", "lst.append(i)"),
    ("x = len(lst) (builtin function call)", "lst = [1, 2]", "x = len(lst)"),
    ("x = [i, i, i] (build a 3-element list)", "", "x = [i, i, i]"),
    ('x = f"{i}:{y:.2f}" (f-string, two fields)', "y = 2.5", 'x = f"{i}:{y:.2f}"'),
    ('x = f"{i}" (int formatted, no spec)', "", 'x = f"{i}"'),
    ('x = f"{y:.2f}" (float formatted with spec)', "y = 2.5", 'x = f"{y:.2f}"'),
    ("a, b = b, a (tuple swap)", "a, b = 1, 2", "a, b = b, a"),
]


def b_while(n):
    k = 0
    while k < n:
        k += 1


def make_bench(setup, stmt, unroll):
    body = "\n".join("        " + stmt for _ in range(unroll))
    src = f"def bench(n):\n    {setup or 'pass'}\n    for i in range(n):\n{body}\n"
    ns = {}
    exec(compile(src, "<micro>", "exec"), globals(), ns)
    return ns["bench"]


MICRO = [(label, make_bench(setup, stmt, 1 if stmt == "pass" else UNROLL), stmt)
         for label, setup, stmt in MICRO_SPECS]


# ---- opcode classes --------------------------------------------------------

CLASSES = {
    "local": {"LOAD_FAST", "STORE_FAST", "LOAD_CONST", "POP_TOP", "COPY", "SWAP", "NOP",
              "LOAD_FAST_CHECK", "LOAD_FAST_AND_CLEAR", "PUSH_NULL", "RESUME", "CACHE",
              "STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST", "LOAD_FAST_LOAD_FAST"},
    "for_iter": {"FOR_ITER", "END_FOR", "GET_ITER"},
    "jump": {"JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"},
    "branch": {"POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE",
               "POP_JUMP_IF_NOT_NONE", "JUMP_FORWARD", "JUMP", "TO_BOOL"},
    "arith": {"BINARY_OP", "UNARY_NEGATIVE", "UNARY_NOT"},
    "compare": {"COMPARE_OP", "IS_OP", "CONTAINS_OP"},
    "name": {"LOAD_GLOBAL", "LOAD_NAME", "STORE_NAME", "STORE_GLOBAL", "LOAD_ATTR", "LOAD_DEREF",
             "STORE_DEREF"},
    "subscr": {"BINARY_SUBSCR", "STORE_SUBSCR", "BINARY_SLICE"},
    "build": {"BUILD_LIST", "BUILD_TUPLE", "BUILD_MAP", "LIST_APPEND", "UNPACK_SEQUENCE",
              "LIST_EXTEND", "BUILD_SLICE"},
    "format": {"FORMAT_VALUE", "FORMAT_SIMPLE", "CONVERT_VALUE"},
    "format_spec": {"FORMAT_VALUE_SPEC", "FORMAT_WITH_SPEC"},
    "concat": {"BUILD_STRING"},
    "call_py": {"CALL_PY"},
    "call_c": {"CALL", "PRECALL", "KW_NAMES", "CALL_INTRINSIC_1"},
    "return": {"RETURN_VALUE", "RETURN_CONST"},
}
CLASS_OF = {op: c for c, ops in CLASSES.items() for op in ops}


def count_opcodes(fn, *args):
    """Execute fn(*args) under an opcode tracer and count executed opcodes.
    A CALL that enters a Python frame is counted as CALL_PY."""
    counts = {}
    last = [None]

    def local_trace(frame, event, arg):
        if event == "opcode":
            code = frame.f_code.co_code
            op = dis.opname[code[frame.f_lasti]]
            if op == "FORMAT_VALUE" and code[frame.f_lasti + 1] & 0x04:
                op = "FORMAT_VALUE_SPEC"
            counts[op] = counts.get(op, 0) + 1
            last[0] = op
        return local_trace

    def global_trace(frame, event, arg):
        if event == "call":
            if last[0] == "CALL":
                counts["CALL"] -= 1
                counts["CALL_PY"] = counts.get("CALL_PY", 0) + 1
                last[0] = None
            frame.f_trace_opcodes = True
            return local_trace
        return None

    sys.settrace(global_trace)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    return counts


def by_class(counts):
    out = {}
    for op, n in counts.items():
        c = CLASS_OF.get(op, "other")
        out[c] = out.get(c, 0) + n
    return out


def per_iteration_ops(fn):
    """Opcodes executed per loop iteration: difference between 3 and 2 iterations
    (after a warm-up run, because the first traced run misses a few events)."""
    count_opcodes(fn, 1)
    c3, c2 = count_opcodes(fn, 3), count_opcodes(fn, 2)
    return {k: c3.get(k, 0) - c2.get(k, 0) for k in set(c3) | set(c2) if c3.get(k, 0) != c2.get(k, 0)}


# ---- validation workloads --------------------------------------------------

def w_sum_squares_mod(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def w_collatz(limit):
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total


def w_primes(limit):
    found = 0
    for n in range(2, limit):
        d = 2
        is_prime = True
        while d * d <= n:
            if n % d == 0:
                is_prime = False
                break
            d += 1
        if is_prime:
            found += 1
    return found


def helper(x):
    return x * 2 + 1


def w_calls_and_lists(n):
    out = []
    for i in range(n):
        v = helper(i)
        if v % 3 == 0:
            out.append(v)
    return len(out)


def w_fstrings(n):
    parts = []
    for i in range(n):
        parts.append(f"{i:>6}|{i / 3:.2f}")
    return len(parts)


WORKLOADS = [
    ("sum of i*i % 7", w_sum_squares_mod, 1_000_000),
    ("collatz steps", w_collatz, 10_000),
    ("trial-division primes", w_primes, 40_000),
    ("calls + append", w_calls_and_lists, 1_000_000),
    ("f-strings + append", w_fstrings, 200_000),
]

# ---- asyncio costs ---------------------------------------------------------


async def trivial():
    return 1


async def await_trivial(n):
    for i in range(n):
        await trivial()


def coroutine_await_cost(n):
    c = await_trivial(n)
    try:
        c.send(None)
    except StopIteration:
        pass


def coroutine_loop_only(n):
    async def body(n):
        for i in range(n):
            pass
    c = body(n)
    try:
        c.send(None)
    except StopIteration:
        pass


async def create_tasks(n, holder):
    t0 = time.thread_time()
    tasks = [asyncio.create_task(trivial()) for _ in range(n)]
    holder.append(time.thread_time() - t0)
    t0 = time.thread_time()
    await asyncio.gather(*tasks)
    holder.append(time.thread_time() - t0)


async def sleep0_loop(n, holder):
    t0 = time.thread_time()
    for i in range(n):
        await asyncio.sleep(0)
    holder.append(time.thread_time() - t0)


def callback_chain(loop, n, left, done):
    """One self-rescheduling callback: one loop iteration per callback."""
    left[0] -= 1
    if left[0] == 0:
        done.set_result(None)
    else:
        loop.call_soon(callback_chain, loop, n, left, done)


async def empty_iterations(n, width, holder):
    """width callbacks that reschedule themselves: n callbacks over n/width iterations."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    left = [n]
    t0 = time.thread_time()
    for _ in range(width):
        loop.call_soon(callback_chain, loop, n, left, done)
    await done
    holder.append(time.thread_time() - t0)


def asyncio_costs():
    m = 200_000
    res = {}
    t_aw = min([timed(coroutine_await_cost, m) for _ in range(REPEAT)])
    t_lp = min([timed(coroutine_loop_only, m) for _ in range(REPEAT)])
    res["coroutine creation + await of a trivial coroutine"] = (t_aw - t_lp) / m
    for batch, rounds in [(1000, 100), (100_000, 1)]:
        create, run = [], []
        for _ in range(5):
            h = []
            for _ in range(rounds):
                asyncio.run(create_tasks(batch, h))
            create.append(sum(h[0::2]))
            run.append(sum(h[1::2]))
        res[f"Task creation (create_task of a trivial coroutine), {batch} at a time"] = \
            min(create) / (batch * rounds)
        res[f"gather + running {batch} created trivial tasks, per task"] = \
            min(run) / (batch * rounds)
    h = []
    for _ in range(5):
        asyncio.run(sleep0_loop(200_000, h))
    res["await asyncio.sleep(0) round trip (one task alone)"] = min(h) / 200_000
    chain, wide = [], []
    for _ in range(5):
        h = []
        asyncio.run(empty_iterations(200_000, 1, h))
        chain.append(h[0])
        h = []
        asyncio.run(empty_iterations(200_000, 1000, h))
        wide.append(h[0])
    per_cb_wide = min(wide) / 200_000
    per_cb_chain = min(chain) / 200_000
    res["loop iteration running one callback"] = per_cb_chain
    res["callback run when 1000 share an iteration"] = per_cb_wide
    res["loop iteration overhead itself (select(0) + bookkeeping)"] = per_cb_chain - per_cb_wide
    return res


def timed(fn, *args):
    t0 = time.thread_time()
    fn(*args)
    return time.thread_time() - t0


# ---- main ------------------------------------------------------------------

def main():
    print(f"CPython {sys.version.split()[0]}, N={N}, best and median of {REPEAT} runs (thread CPU time), "
          f"statements unrolled x{UNROLL}")
    micro = {}
    print(f"\n{'statement':<48}{'ns/iter':>9}{'median':>9}{'ns/stmt':>9}  bytecodes per statement")
    empty = None
    for label, fn, stmt in MICRO:
        t = median_time(fn, N) / N
        ops = per_iteration_ops(fn)
        if empty is None:
            empty = t
            net = t
        else:
            net = (t - empty) / UNROLL
            loop_ops = {"FOR_ITER": 1, "JUMP_BACKWARD": 1, "STORE_FAST": 1}
            ops = {k: (v - loop_ops.get(k, 0)) / UNROLL for k, v in ops.items()}
            ops = {k: v for k, v in ops.items() if v}
        micro[stmt] = (net, ops)
        opstr = " ".join(f"{k}x{v:g}" if v != 1 else k for k, v in sorted(ops.items()))
        print(f"{label:<48}{t * 1e9:9.1f}{MEDIANS[fn] / N * 1e9:9.1f}{net * 1e9:9.1f}  {opstr}")

    while_t = median_time(b_while, N) / N
    print(f"{'while k < n: k += 1 (one iteration)':<48}{while_t * 1e9:9.1f}")

    # module-level loop
    code = compile("s = 0\nfor i in range(N):\n    s += i\n", "<module-level>", "exec")
    times = []
    for _ in range(REPEAT):
        g = {"N": N}
        t0 = time.thread_time()
        exec(code, g)
        times.append(time.thread_time() - t0)
    mod = min(times) / N
    fn_loop = micro["s += i"][0] + empty
    print(f"{'for i in range(N): s += i   inside a function':<48}{fn_loop * 1e9:9.1f}")
    print(f"{'for i in range(N): s += i   at module level':<48}{mod * 1e9:9.1f}")

    # derive class costs from the micro-benchmarks, one new class per step
    def t(stmt):
        return micro[stmt][0]
    cost = {}
    cost["local"] = t("x = i") / 2                      # LOAD_FAST + STORE_FAST
    # while k < n: k += 1  ->  LOAD_FAST x3, LOAD_CONST, STORE_FAST, COMPARE_OP,
    # POP_JUMP_IF_FALSE, BINARY_OP, JUMP_BACKWARD per iteration
    cost["for_iter"] = 0.0  # filled in below, once "jump" is known
    cost["arith"] = t("x = i + 1") - 3 * cost["local"]
    cost["arith_bigint"] = t("s += i") - 3 * cost["local"]
    cost["arith_float"] = t("x = y * 1.5") - 3 * cost["local"]
    cost["compare"] = max(0.0, t("x = i < 5") - 3 * cost["local"])
    cost["branch"] = max(0.0, t("if i < 0: pass") - 2 * cost["local"] - cost["compare"])
    cost["subscr"] = (t("x = lst[2]") + t('x = d["k"]')) / 2 - 3 * cost["local"]
    cost["name"] = t("x = G") - cost["local"]
    cost["return"] = cost["local"]
    cost["jump"] = max(0.0, while_t - 5 * cost["local"] - cost["compare"] - cost["branch"]
                       - cost["arith"])
    cost["for_iter"] = empty - cost["local"] - cost["jump"]  # FOR_ITER + STORE_FAST + JUMP
    # noop(): LOAD_GLOBAL, CALL(py), POP_TOP + callee RESUME, RETURN_CONST
    cost["call_py"] = t("noop()") - cost["name"] - 2 * cost["local"] - cost["return"]
    # lst.append(i): LOAD_FAST, LOAD_ATTR, LOAD_FAST, CALL(c), POP_TOP
    cost["call_c"] = t("lst.append(i)") - 3 * cost["local"] - cost["name"]
    cost["build"] = t("x = [i, i, i]") - 4 * cost["local"]
    cost["format"] = t('x = f"{i}"') - 2 * cost["local"]
    cost["format_spec"] = t('x = f"{y:.2f}"') - 3 * cost["local"]
    # f"{i}:{y:.2f}": 2 LOAD_FAST, 2 LOAD_CONST, 2 formats, BUILD_STRING, STORE_FAST
    cost["concat"] = (t('x = f"{i}:{y:.2f}"') - 5 * cost["local"] - cost["format"]
                      - cost["format_spec"])
    cost["other"] = cost["arith"]
    print("\nderived cost per bytecode class (ns):")
    for k, v in cost.items():
        ops = ", ".join(sorted(CLASSES.get(k, ())))[:70]
        print(f"  {k:<13}{v * 1e9:7.1f}   {ops}")

    print("\nmodel check: predicted = sum(executed bytecodes x class cost)")
    print(f"{'workload':<24}{'bytecodes':>12}{'predicted s':>13}{'best s':>12}{'error':>8}{'median s':>10}")
    errors = []
    for label, fn, size in WORKLOADS:
        counts = by_class(count_opcodes(fn, size))
        measured = median_time(fn, size)
        pred = sum(n * cost.get(c, cost["other"]) for c, n in counts.items())
        total = sum(counts.values())
        err = (pred - measured) / measured
        errors.append(abs(err))
        print(f"{label:<24}{total:12d}{pred:13.4f}{measured:12.4f}{err * 100:7.1f}%{MEDIANS[fn]:10.4f}")
    print(f"largest error {max(errors) * 100:.1f}%")

    print("\nasyncio costs (ns, best of 5 runs):")
    for k, v in asyncio_costs().items():
        print(f"  {k:<58}{v * 1e9:9.0f}")


if __name__ == "__main__":
    main()
