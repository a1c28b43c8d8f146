package dev.loopscope.python.runtime;

/**
 * A compiled function, class body or module: bytecode ({@link Op}), constants, variable layout, the exception
 * table and, per instruction, the source range it comes from.
 *
 * <p>Frame slots are laid out as: fast locals ({@link #varNames}, parameters first), then cells
 * ({@link #cellVars} then {@link #freeVars}), then the value stack.
 */
public final class Code {

    public static final int VARARGS = 1;
    public static final int VARKEYWORDS = 2;
    public static final int GENERATOR = 4;
    public static final int COROUTINE = 8;
    public static final int ASYNC_GENERATOR = 16;
    /** Class bodies and module code keep their names in a namespace dict rather than fast locals. */
    public static final int NAMESPACE = 32;
    /** A generator decorated with {@code types.coroutine}: awaitable. */
    public static final int ITERABLE_COROUTINE = 64;

    /** SyntaxWarnings the compiler printed for a module (CPython shows them before the module runs). */
    public java.util.List<String> compileWarnings = java.util.List.of();
    /**
     * The code folded a {@code ~} on a bool constant: CPython's compiler warns then, which shows when exec() or
     * eval() compile it (at their caller's line), not for the main module, whose compile-time warning is filtered.
     */
    public boolean foldsBoolInversion;
    public final String name;
    public final String qualname;
    public final Source source;
    public final int argCount;
    public final int posOnlyCount;
    public final int kwOnlyCount;
    public final int flags;
    public final String[] varNames;
    public final String[] cellVars;
    public final String[] freeVars;
    /** For each cell variable that is also a parameter, the parameter's local index; else -1. */
    public final int[] cellToArg;
    public final Object[] consts;
    public final String[] names;
    /** Instructions: opcode in the low 8 bits, argument above. */
    public final int[] code;
    /** Per instruction: line, column, end line and end column (0 when unknown). */
    public final int[] lines;
    public final int[] cols;
    public final int[] endLines;
    public final int[] endCols;
    /** Groups of four: start, end (exclusive), handler, stack depth << 1 | push-lasti. */
    public final int[] exceptionTable;
    public final int stackSize;
    public final int firstLine;
    /** Inline caches, one slot per instruction, for attribute and global lookups. */
    public final Object[] caches;
    /** Slots a frame needs: locals, cells, the value stack and one spare. */
    public final int frameSize;
    /** Index of the first value-stack slot. */
    public final int stackBase;
    /** Whether {@code consts[0]} is the docstring. */
    public boolean docstring;
    /**
     * Caret anchors of instructions whose range is a binary operation or a subscript, by instruction:
     * {kind (0 binop, 1 subscript), line, column, line, column} of the left operand's end and the right
     * operand's start (binop), or of the value's end and the index's end (subscript).
     */
    public java.util.Map<Integer, int[]> anchors = java.util.Map.of();

    public Code(String name, String qualname, Source source, int argCount, int posOnlyCount, int kwOnlyCount,
                int flags, String[] varNames, String[] cellVars, String[] freeVars, int[] cellToArg,
                Object[] consts, String[] names, int[] code, int[] lines, int[] cols, int[] endLines, int[] endCols,
                int[] exceptionTable, int stackSize, int firstLine) {
        this.name = name;
        this.qualname = qualname;
        this.source = source;
        this.argCount = argCount;
        this.posOnlyCount = posOnlyCount;
        this.kwOnlyCount = kwOnlyCount;
        this.flags = flags;
        this.varNames = varNames;
        this.cellVars = cellVars;
        this.freeVars = freeVars;
        this.cellToArg = cellToArg;
        this.consts = consts;
        this.names = names;
        this.code = code;
        this.lines = lines;
        this.cols = cols;
        this.endLines = endLines;
        this.endCols = endCols;
        this.exceptionTable = exceptionTable;
        this.stackSize = stackSize;
        this.firstLine = firstLine;
        this.caches = new Object[code.length];
        this.stackBase = varNames.length + cellVars.length + freeVars.length;
        this.frameSize = stackBase + stackSize + 1;
    }

    public int nLocals() {
        return varNames.length;
    }

    public int nCells() {
        return cellVars.length + freeVars.length;
    }

    /** Total parameters including {@code *args} and {@code **kwargs}. */
    public int totalArgs() {
        int n = argCount + kwOnlyCount;
        if ((flags & VARARGS) != 0) {
            n++;
        }
        if ((flags & VARKEYWORDS) != 0) {
            n++;
        }
        return n;
    }

    public boolean isGenerator() {
        return (flags & (GENERATOR | COROUTINE | ASYNC_GENERATOR)) != 0;
    }

    /** The source line of instruction {@code pc}. */
    public int lineAt(int pc) {
        return pc >= 0 && pc < lines.length ? lines[pc] : firstLine;
    }

    /** The handler for an exception raised at {@code pc}: index into {@link #exceptionTable}, or -1. */
    public int handlerFor(int pc) {
        int[] t = exceptionTable;
        int best = -1;
        for (int i = 0; i < t.length; i += 4) {
            if (pc >= t[i] && pc < t[i + 1]) {
                // entries are emitted innermost-first for a given range
                if (best < 0 || (t[i] >= t[best] && t[i + 1] <= t[best + 1])) {
                    best = i;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "<code object " + name + ", file \"" + source.fileName() + "\", line " + firstLine + ">";
    }
}
