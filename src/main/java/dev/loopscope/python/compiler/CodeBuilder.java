package dev.loopscope.python.compiler;

import dev.loopscope.python.runtime.Code;
import dev.loopscope.python.runtime.Op;
import dev.loopscope.python.runtime.Source;
import dev.loopscope.python.syntax.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one code object: instructions with their source spans, constants, names, variable slots, labels
 * and the exception handlers in force at each instruction; tracks the stack depth as it goes.
 */
final class CodeBuilder {

    final String name;
    final String qualname;
    final Source source;
    int flags;
    int argCount;
    int posOnlyCount;
    int kwOnlyCount;
    int firstLine;
    boolean docstring;

    final List<String> varNames = new ArrayList<>();
    final List<String> cellVars = new ArrayList<>();
    final List<String> freeVars = new ArrayList<>();
    private final List<Object> consts = new ArrayList<>();
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();

    private int[] code = new int[64];
    private int[] lines = new int[64];
    private int[] cols = new int[64];
    private int[] endLines = new int[64];
    private int[] endCols = new int[64];
    private int[] handlerAt = new int[64];
    int size;

    /** Label id -> instruction index (or -1 while unplaced). */
    private final List<Integer> labels = new ArrayList<>();
    /** Instructions whose argument is a label id to patch. */
    private final List<Integer> jumps = new ArrayList<>();

    /** Handlers in force: label and stack depth, innermost last. */
    private final List<int[]> handlers = new ArrayList<>();
    private final List<int[]> handlerDefs = new ArrayList<>();

    int depth;
    int maxDepth;
    /** Anchors of binary operation and subscript spans, by span (see {@link Code#anchors}). */
    private final Map<Span, int[]> spanAnchors = new HashMap<>();
    private final Map<Integer, int[]> anchors = new HashMap<>();
    Span span = Span.NONE;

    CodeBuilder(String name, String qualname, Source source) {
        this.name = name;
        this.qualname = qualname;
        this.source = source;
    }

    // --- constants, names, slots --------------------------------------------------------------------------------

    int constant(Object value) {
        Object key = value == null ? List.of("null") : List.of(value.getClass(), value);
        if (value instanceof Double d) {
            key = List.of(Double.class, Double.doubleToRawLongBits(d));
        }
        if (value instanceof Object[] || value instanceof Code || value instanceof String[]) {
            consts.add(value);
            return consts.size() - 1;
        }
        Integer i = constIndex.get(key);
        if (i == null) {
            i = consts.size();
            consts.add(value);
            constIndex.put(key, i);
        }
        return i;
    }

    void anchor(Span s, int[] a) {
        spanAnchors.put(s, a);
    }

    /** Reserves constant slot 0 for a docstring. */
    void docstringConst(String doc) {
        consts.add(0, doc);
        Map<Object, Integer> shifted = new HashMap<>();
        for (Map.Entry<Object, Integer> e : constIndex.entrySet()) {
            shifted.put(e.getKey(), e.getValue() + 1);
        }
        constIndex.clear();
        constIndex.putAll(shifted);
        docstring = true;
    }

    int name(String n) {
        Integer i = nameIndex.get(n);
        if (i == null) {
            i = names.size();
            names.add(n);
            nameIndex.put(n, i);
        }
        return i;
    }

    int addLocal(String n) {
        varNames.add(n);
        return varNames.size() - 1;
    }

    int addCell(String n) {
        cellVars.add(n);
        return cellVars.size() - 1;
    }

    int addFree(String n) {
        freeVars.add(n);
        return freeVars.size() - 1;
    }

    // --- emission -------------------------------------------------------------------------------------------------

    int newLabel() {
        labels.add(-1);
        return labels.size() - 1;
    }

    void place(int label) {
        labels.set(label, size);
        lastPlaced = size;
    }

    /** Where the last label was placed: code there is reachable whatever instruction precedes it. */
    private int lastPlaced = -1;

    boolean placed(int label) {
        return labels.get(label) >= 0;
    }

    void emit(int op, int arg) {
        if (size == code.length) {
            int n = size * 2;
            code = java.util.Arrays.copyOf(code, n);
            lines = java.util.Arrays.copyOf(lines, n);
            cols = java.util.Arrays.copyOf(cols, n);
            endLines = java.util.Arrays.copyOf(endLines, n);
            endCols = java.util.Arrays.copyOf(endCols, n);
            handlerAt = java.util.Arrays.copyOf(handlerAt, n);
        }
        code[size] = Op.make(op, arg);
        lines[size] = span.line();
        cols[size] = span.column();
        endLines[size] = span.endLine();
        endCols[size] = span.endColumn();
        handlerAt[size] = handlers.isEmpty() ? -1 : handlers.get(handlers.size() - 1)[2];
        int[] anchor = spanAnchors.get(span);
        if (anchor != null) {
            anchors.put(size, anchor);
        }
        size++;
        depth += Effects.effect(op, arg);
        if (depth > maxDepth) {
            maxDepth = depth;
        }
        if (depth < 0) {
            throw new IllegalStateException("stack underflow in " + qualname + " at " + (size - 1) + " "
                    + Op.NAMES[op]);
        }
    }

    void emit(int op) {
        emit(op, 0);
    }

    /** A jump to {@code label}; the argument is patched when the code is finished. */
    void emitJump(int op, int label) {
        jumps.add(size);
        emit(op, label);
    }

    /** Starts a region whose exceptions go to {@code label} with the stack cut to {@code atDepth}. */
    void pushHandler(int label, int atDepth) {
        handlerDefs.add(new int[] {label, atDepth});
        handlers.add(new int[] {label, atDepth, handlerDefs.size() - 1});
    }

    int[] popHandler() {
        return handlers.remove(handlers.size() - 1);
    }

    void restoreHandler(int[] h) {
        handlers.add(h);
    }

    int handlerCount() {
        return handlers.size();
    }

    /** The last emitted instruction's opcode, or -1. */
    /** The last instruction emitted, or -1 when there is none or a jump target follows it. */
    int lastOp() {
        return size == 0 || lastPlaced == size ? -1 : code[size - 1] & 0xff;
    }

    Code build() {
        int[] c = java.util.Arrays.copyOf(code, size);
        for (int j : jumps) {
            int label = Op.arg(c[j]);
            int target = labels.get(label);
            if (target < 0) {
                throw new IllegalStateException("unplaced label in " + qualname);
            }
            c[j] = Op.make(Op.op(c[j]), target);
        }
        List<Integer> table = new ArrayList<>();
        int i = 0;
        while (i < size) {
            int h = handlerAt[i];
            int start = i;
            while (i < size && handlerAt[i] == h) {
                i++;
            }
            if (h >= 0) {
                int[] def = handlerDefs.get(h);
                table.add(start);
                table.add(i);
                table.add(labels.get(def[0]));
                table.add(def[1] << 1);
            }
        }
        int[] exc = table.stream().mapToInt(Integer::intValue).toArray();
        int[] cellToArg = new int[cellVars.size()];
        for (int k = 0; k < cellToArg.length; k++) {
            cellToArg[k] = -1;
            int nargs = argCount + kwOnlyCount + ((flags & Code.VARARGS) != 0 ? 1 : 0)
                    + ((flags & Code.VARKEYWORDS) != 0 ? 1 : 0);
            for (int a = 0; a < nargs; a++) {
                if (varNames.get(a).equals(cellVars.get(k))) {
                    cellToArg[k] = a;
                }
            }
        }
        Code result = new Code(name, qualname, source, argCount, posOnlyCount, kwOnlyCount, flags,
                varNames.toArray(new String[0]), cellVars.toArray(new String[0]), freeVars.toArray(new String[0]),
                cellToArg, consts.toArray(), names.toArray(new String[0]), c,
                java.util.Arrays.copyOf(lines, size), java.util.Arrays.copyOf(cols, size),
                java.util.Arrays.copyOf(endLines, size), java.util.Arrays.copyOf(endCols, size), exc,
                maxDepth + 2, firstLine);
        result.docstring = docstring;
        result.anchors = anchors.isEmpty() ? Map.of() : Map.copyOf(anchors);
        Object[] cs = result.consts;
        for (int k = 0; k < cs.length; k++) {
            if (cs[k] instanceof Compiler.BytesConst bc) {
                cs[k] = bc.value();
            }
        }
        return result;
    }
}
