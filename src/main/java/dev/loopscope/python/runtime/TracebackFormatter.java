package dev.loopscope.python.runtime;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * CPython 3.12's report of an uncaught exception: chained causes and contexts first, each traceback entry with
 * its source line and, when the failing range does not cover the whole line, a caret line (with {@code ~}
 * around the operator or subscript of a failing binary operation or subscript); runs of more than three identical
 * entries collapse into "[Previous line repeated N more times]".
 */
public final class TracebackFormatter {

    static final int RECURSIVE_CUTOFF = 3;
    static final int TRACEBACK_LIMIT = 1000;

    private final LibraryFrames library;
    /**
     * True for the interpreter's own report of an uncaught exception (and {@code threading.excepthook}), which
     * prints a source line with its trailing spaces; the traceback module (behind logging's reports) strips them.
     */
    private final boolean interpreterReport;

    public TracebackFormatter(LibraryFrames library, boolean interpreterReport) {
        this.library = library;
        this.interpreterReport = interpreterReport;
    }

    /** The traceback module's format. */
    public TracebackFormatter(LibraryFrames library) {
        this(library, false);
    }

    public TracebackFormatter() {
        this(new LibraryFrames());
    }

    public String format(PyBaseException exc) {
        StringBuilder out = new StringBuilder();
        chain(exc, out, new Context());
        return out.toString();
    }

    /** Sub-exceptions of a group print at most this many, and groups nest at most this deep. */
    static final int MAX_GROUP_WIDTH = 15;
    static final int MAX_GROUP_DEPTH = 10;

    /** Where the report is: the exceptions already shown, and how deep inside exception groups. */
    private static final class Context {
        final Set<PyBaseException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int groupDepth;
        /** The last sub-exception of a group is being shown: the innermost group prints the closing line. */
        boolean needClose;

        String indent() {
            return " ".repeat(2 * groupDepth);
        }

        /** What starts every line inside a group: the indent and a margin. */
        String margin() {
            return groupDepth == 0 ? "" : indent() + "| ";
        }
    }

    /** Appends {@code text} with {@code prefix} in front of each of its lines. */
    private static void indented(StringBuilder out, String prefix, String text) {
        if (prefix.isEmpty()) {
            out.append(text);
            return;
        }
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            out.append(prefix).append(text, from, to);
            from = to;
        }
    }

    private void chain(PyBaseException exc, StringBuilder out, Context ctx) {
        ctx.seen.add(exc);
        if (exc.cause != null) {
            if (!ctx.seen.contains(exc.cause)) {
                chained(exc.cause, "The above exception was the direct cause of the following exception:\n", out,
                        ctx);
            }
        } else if (exc.context != null && !exc.suppressContext) {
            if (!ctx.seen.contains(exc.context)) {
                chained(exc.context, "During handling of the above exception, another exception occurred:\n", out,
                        ctx);
            }
        }
        if (exc instanceof PyExceptionGroup g) {
            group(g, out, ctx);
        } else {
            single(exc, out, ctx);
        }
    }

    private void chained(PyBaseException earlier, String message, StringBuilder out, Context ctx) {
        boolean needClose = ctx.needClose; // a group shown as a cause closes itself, not the enclosing one
        chain(earlier, out, ctx);
        ctx.needClose = needClose;
        indented(out, ctx.margin(), "\n" + message + "\n");
    }

    private void single(PyBaseException exc, StringBuilder out, Context ctx) {
        String margin = ctx.margin();
        if (exc.traceback != null) {
            StringBuilder tb = new StringBuilder("Traceback (most recent call last):\n");
            entries(exc.traceback, tb);
            indented(out, margin, tb.toString());
        }
        if (exc.isA(Types.SYNTAX_ERROR) && exc.args.items.length == 2 && exc.args.items[1] instanceof PyTuple info
                && info.items.length >= 4) {
            String kind = exc.isA(Types.TAB_ERROR) ? "TabError" : exc.isA(Types.INDENTATION_ERROR)
                    ? "IndentationError" : exceptionName(exc);
            indented(out, margin, syntaxError(Ops.str(info.items[0]), (int) Ops.index(info.items[1]),
                    intOr(info.items[2]), info.items.length > 5 ? intOr(info.items[5]) : -1,
                    info.items[3] == Py.None ? null : Ops.str(info.items[3]), kind, Ops.str(exc.args.items[0])));
        } else {
            // the message goes out as it is: only its first line gets the margin
            out.append(margin).append(exceptionLine(exc));
        }
        notes(exc, out, margin);
    }

    /**
     * The exception's {@code __notes__}: each note's str(), every line of it behind the margin; a {@code __notes__}
     * that is no sequence (or is a string) prints as its repr.
     */
    private static void notes(PyBaseException exc, StringBuilder out, String margin) {
        Object notes = exc.dict.getStr("__notes__");
        if (notes == null) {
            return;
        }
        boolean sequence = notes instanceof PyList || notes instanceof PyTuple || notes instanceof PyRange
                || Ops.isUser(notes) && Py.typeOf(notes).lookup("__getitem__") != null;
        if (!sequence) {
            String r;
            try {
                r = Ops.repr(notes);
            } catch (PyError e) {
                r = "<__notes__ repr() failed>";
            }
            out.append(margin).append(r).append('\n');
            return;
        }
        for (Object note : Sequences.toArray(notes)) {
            String text;
            try {
                text = Ops.str(note);
            } catch (PyError e) {
                out.append("<note str() failed>\n");
                continue;
            }
            PyList lines = (PyList) Ops.callMethod(text, "splitlines", Boolean.TRUE);
            for (int i = 0; i < lines.size; i++) {
                out.append(margin).append((String) lines.items[i]);
            }
            out.append('\n');
        }
    }

    /**
     * An exception group: its own traceback and message, then each sub-exception (with its chain) in a numbered
     * box one level deeper, as CPython 3.12 prints them.
     */
    private void group(PyExceptionGroup g, StringBuilder out, Context ctx) {
        if (ctx.groupDepth > MAX_GROUP_DEPTH) {
            out.append(ctx.margin()).append("... (max_group_depth is ").append(MAX_GROUP_DEPTH).append(")\n");
            return;
        }
        boolean top = ctx.groupDepth == 0;
        if (top) {
            ctx.groupDepth = 1;
        }
        if (g.traceback != null) {
            out.append(top ? ctx.indent() + "+ " : ctx.margin()).append("Exception Group Traceback (most recent call last):\n");
            StringBuilder tb = new StringBuilder();
            entries(g.traceback, tb);
            indented(out, ctx.margin(), tb.toString());
        }
        out.append(ctx.margin()).append(exceptionLine(g));
        notes(g, out, ctx.margin());
        Object[] excs = g.exceptions.items;
        int n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
        ctx.needClose = false;
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            if (last) {
                ctx.needClose = true;
            }
            boolean truncated = i >= MAX_GROUP_WIDTH;
            out.append(ctx.indent()).append(i == 0 ? "+-" : "  ").append("+---------------- ")
                    .append(truncated ? "..." : String.valueOf(i + 1)).append(" ----------------\n");
            ctx.groupDepth++;
            if (!truncated) {
                chain((PyBaseException) excs[i], out, ctx);
            } else {
                int remaining = excs.length - MAX_GROUP_WIDTH;
                out.append(ctx.margin()).append("and ").append(remaining).append(" more exception")
                        .append(remaining > 1 ? "s" : "").append('\n');
            }
            if (last && ctx.needClose) {
                out.append(ctx.indent()).append("+------------------------------------\n");
                ctx.needClose = false;
            }
            ctx.groupDepth--;
        }
        if (top) {
            ctx.groupDepth = 0;
        }
    }

    private static int intOr(Object o) {
        return o == Py.None ? -1 : (int) Ops.index(o);
    }

    /**
     * How CPython prints a SyntaxError (and IndentationError, TabError): the file and line, the offending line,
     * a caret line under the reported columns (1-based, end exclusive), then {@code kind: message}.
     */
    public static String syntaxError(String file, int line, int offset, int endOffset, String text, String kind,
                                     String message) {
        StringBuilder out = new StringBuilder();
        out.append("  File \"").append(file).append("\", line ").append(line).append('\n');
        if (text != null) {
            String rtext = text;
            while (rtext.endsWith("\n")) {
                rtext = rtext.substring(0, rtext.length() - 1);
            }
            int lead = 0;
            while (lead < rtext.length() && " \n\f".indexOf(rtext.charAt(lead)) >= 0) {
                lead++;
            }
            String ltext = rtext.substring(lead);
            out.append("    ").append(ltext).append('\n');
            if (!kind.equals("SyntaxError")) {
                endOffset = -1; // CPython ignores the end of the range for subclasses: one caret
            }
            if (offset > 0) {
                int end = endOffset <= 0 ? offset : endOffset;
                if (end == offset || endOffset == -1) {
                    end = offset + 1;
                }
                int col = offset - 1 - lead;
                int endCol = end - 1 - lead;
                if (col >= 0) {
                    StringBuilder c = new StringBuilder("    ");
                    for (int i = 0; i < col && i < ltext.length(); i++) {
                        c.append(Character.isWhitespace(ltext.charAt(i)) ? ltext.charAt(i) : ' ');
                    }
                    c.append("^".repeat(Math.max(1, endCol - col)));
                    out.append(c).append('\n');
                }
            }
        }
        out.append(kind).append(": ").append(message).append('\n');
        return out.toString();
    }

    static String exceptionName(PyBaseException exc) {
        PyType t = exc.type;
        String mod = t.module;
        Object m = t.dict.getStr("__module__");
        if (m instanceof String s) {
            mod = s;
        }
        return mod != null && !mod.equals("builtins") && !mod.equals("__main__") ? mod + "." + t.qualname
                : t.qualname;
    }

    /** The last line: {@code module.Name: message}, module omitted for builtins and __main__. */
    public static String exceptionLine(PyBaseException exc) {
        PyType t = exc.type;
        String mod = t.module;
        Object m = t.dict.getStr("__module__");
        if (m instanceof String s) {
            mod = s;
        }
        String name = t.qualname;
        if (mod != null && !mod.equals("builtins") && !mod.equals("__main__")) {
            name = mod + "." + name;
        }
        String msg;
        try {
            msg = Ops.str(exc);
        } catch (PyError e) {
            msg = "<exception str() failed>";
        }
        msg = msg + Suggestions.forException(exc);
        return msg.isEmpty() ? name + "\n" : name + ": " + msg + "\n";
    }

    private void entries(Traceback tb, StringBuilder out) {
        int depth = 0;
        for (Traceback t = tb; t != null; t = t.next()) {
            depth++;
        }
        Traceback t = tb;
        while (depth > TRACEBACK_LIMIT) {
            t = t.next();
            depth--;
        }
        String lastFile = null;
        int lastLine = -1;
        String lastName = null;
        int count = 0;
        for (; t != null; t = t.next()) {
            if (t.code() == null && t.frame() instanceof LibraryFrames.Entry e) {
                if (count > RECURSIVE_CUTOFF) {
                    repeated(out, count);
                }
                count = 0;
                lastFile = null;
                libraryLine(e, out);
                continue;
            }
            if (t.library() != null) {
                for (LibraryFrames.Entry e : library.entries(t.library())) {
                    if (count > RECURSIVE_CUTOFF) {
                        repeated(out, count);
                    }
                    count = 0;
                    lastFile = null;
                    libraryLine(e, out);
                }
                continue;
            }
            Code code = t.code();
            String file = code.source.fileName();
            int line = t.line();
            String name = code.name;
            if (lastFile == null || !file.equals(lastFile) || line != lastLine || !name.equals(lastName)) {
                if (count > RECURSIVE_CUTOFF) {
                    repeated(out, count);
                }
                lastFile = file;
                lastLine = line;
                lastName = name;
                count = 0;
            }
            count++;
            if (count <= RECURSIVE_CUTOFF) {
                displayLine(code, t.pc(), out, interpreterReport);
            }
        }
        if (count > RECURSIVE_CUTOFF) {
            repeated(out, count);
        }
    }

    private static void repeated(StringBuilder out, int count) {
        int n = count - RECURSIVE_CUTOFF;
        out.append("  [Previous line repeated ").append(n).append(" more time").append(n > 1 ? "s" : "")
                .append("]\n");
    }

    private static void libraryLine(LibraryFrames.Entry e, StringBuilder out) {
        out.append("  File \"").append(e.file()).append("\", line ").append(e.line()).append(", in ")
                .append(e.function()).append('\n');
        if (e.source() != null) {
            out.append("    ").append(e.source()).append('\n');
            if (e.caretStart() >= 0) {
                StringBuilder c = new StringBuilder("    ").append(" ".repeat(e.caretStart()));
                for (int i = e.caretStart(); i < e.caretEnd(); i++) {
                    c.append(e.anchorStart() < 0 || i >= e.anchorStart() && i < e.anchorEnd() ? '^' : '~');
                }
                out.append(c).append('\n');
            }
        }
    }

    /** One entry: the File line, the stripped source line and the caret line when it says something. */
    static void displayLine(Code code, int pc, StringBuilder out, boolean keepTrailingSpaces) {
        int line = pc < 0 ? code.firstLine : code.lineAt(pc);
        out.append("  File \"").append(code.source.fileName()).append("\", line ").append(line).append(", in ")
                .append(code.name).append('\n');
        String src = code.source.line(line);
        if (src == null) {
            return;
        }
        String stripped = stripTrailing(src, keepTrailingSpaces);
        int indent = 0;
        while (indent < stripped.length() && isSpace(stripped.charAt(indent))) {
            indent++;
        }
        String shown = stripped.substring(indent);
        if (shown.isEmpty()) {
            return;
        }
        out.append("    ").append(shown).append('\n');
        if (pc < 0 || pc >= code.lines.length) {
            return;
        }
        int startLine = code.lines[pc];
        int endLine = code.endLines[pc];
        int startCol = code.cols[pc];
        int endCol = code.endCols[pc];
        if (startLine <= 0 || endLine <= 0 || startLine != line) {
            return;
        }
        int[] cps = stripped.codePoints().toArray();
        int lineLen = cps.length;
        int start = startCol;
        int end = endLine == startLine ? endCol : lineLen;
        if (end > lineLen) {
            end = lineLen;
        }
        if (start < indent) {
            start = indent;
        }
        if (end <= start) {
            return;
        }
        int leftAnchor = -1;
        int rightAnchor = -1;
        int[] anchor = code.anchors.get(pc);
        if (anchor != null && endLine == startLine) {
            int[] a = anchors(anchor, cps, start, end, startLine);
            if (a != null) {
                leftAnchor = a[0];
                rightAnchor = a[1];
            }
        }
        boolean secondary = leftAnchor >= 0;
        if (end - start == shown.codePointCount(0, shown.length()) && !secondary) {
            return;
        }
        // CPython draws the carets by display width: a wide character (CJK, most emoji) takes two columns
        StringBuilder carets = new StringBuilder("    ");
        for (int i = indent; i < start; i++) {
            carets.append(" ".repeat(DisplayWidth.of(cps[i])));
        }
        for (int i = start; i < end; i++) {
            char mark = secondary && (i < leftAnchor || i >= rightAnchor) ? '~' : '^';
            carets.append(String.valueOf(mark).repeat(DisplayWidth.of(cps[i])));
        }
        out.append(carets).append('\n');
    }

    /** Operator or bracket range inside a single-line binary operation or subscript (absolute columns). */
    private static int[] anchors(int[] a, int[] cps, int start, int end, int line) {
        if (a[1] != line || a[3] != line) {
            return null;
        }
        if (a[0] == 0) {
            int leftEnd = a[2];
            int rightStart = a[4];
            int l = -1;
            int r = -1;
            for (int i = leftEnd; i < rightStart && i < cps.length; i++) {
                if (isSpace(cps[i])) {
                    continue;
                }
                l = i;
                r = i + 1;
                if (i + 1 < rightStart && !isSpace(cps[i + 1])) {
                    r++;
                }
                if (i + 1 < rightStart && cps[i] == ')') {
                    continue;
                }
                break;
            }
            return l < 0 ? null : new int[] {l, r};
        }
        int l = a[2];
        int r = a[4] + 1;
        while (l < end && (isSpace(cps[l]) || cps[l] != '[')) {
            l++;
        }
        while (r < end && (isSpace(cps[r]) || cps[r] != ']')) {
            r++;
        }
        if (r < end) {
            r++;
        }
        return new int[] {l, r};
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }

    /**
     * The line without its line ending, and without trailing whitespace unless {@code keepSpaces} (CPython's own
     * report keeps trailing spaces and tabs, and then draws carets).
     */
    private static String stripTrailing(String s, boolean keepSpaces) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r' || !keepSpaces && isSpace(s.charAt(e - 1)))) {
            e--;
        }
        return s.substring(0, e);
    }
}
