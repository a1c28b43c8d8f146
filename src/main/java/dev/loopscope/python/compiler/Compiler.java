package dev.loopscope.python.compiler;

import dev.loopscope.python.compiler.Scope.Binding;
import dev.loopscope.python.compiler.Scope.Kind;
import dev.loopscope.python.compiler.Symtable.CompileError;
import dev.loopscope.python.runtime.Code;
import dev.loopscope.python.runtime.Op;
import dev.loopscope.python.runtime.Ops;
import dev.loopscope.python.runtime.Py;
import dev.loopscope.python.runtime.PySet;
import dev.loopscope.python.runtime.PyTuple;
import dev.loopscope.python.runtime.Source;
import dev.loopscope.python.syntax.Expr;
import dev.loopscope.python.syntax.Node;
import dev.loopscope.python.syntax.Span;
import dev.loopscope.python.syntax.Stmt;
import dev.loopscope.python.syntax.SyntaxProblem;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a parsed module to {@link Code}: one code object per module, class body, function and genexpr. */
public final class Compiler {

    /** A compile-time error as CPython would report it (a SyntaxError). */
    public static final class Failure extends Exception {
        public final SyntaxProblem problem;

        Failure(SyntaxProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private final Symtable st;
    private final Source source;
    private Unit u;

    /** Per code object: its builder, the scope whose frame it is, and the active control-flow blocks. */
    private static final class Unit {
        final CodeBuilder b;
        final Scope scope;
        final Deque<FBlock> fblocks = new ArrayDeque<>();
        final Map<Scope, Map<String, Integer>> hiddenLocals = new IdentityHashMap<>();
        final Map<Scope, Map<String, Integer>> hiddenCells = new IdentityHashMap<>();
        final Map<String, Integer> locals = new HashMap<>();

        Unit(CodeBuilder b, Scope scope) {
            this.b = b;
            this.scope = scope;
        }
    }

    private enum FKind { WHILE_LOOP, FOR_LOOP, ASYNC_FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH,
        HANDLER_CLEANUP, POP_VALUE, EXCEPTION_GROUP_HANDLER }

    /** A control-flow block that break/continue/return must unwind. */
    private record FBlock(FKind kind, int start, int exit, Object datum) {}

    private Compiler(Symtable st, Source source) {
        this.st = st;
        this.source = source;
    }

    /** The SyntaxWarnings CPython's compiler prints, in compile order, as the warnings module shows them. */
    private final List<String> warnings = new ArrayList<>();
    private boolean foldsBoolInversion;
    /** Frozenset constants of the module, by their elements (see {@link #frozensetConstant}). */
    private final Map<java.util.Set<Object>, PySet> frozensetConstants = new HashMap<>();

    private void warn(Span at, String message) {
        // the warnings module reads the line from the file: code given to exec() has none
        String line = source.fileName().startsWith("<") ? null : source.line(at.line());
        warnings.add(source.fileName() + ":" + at.line() + ": SyntaxWarning: " + message + "\n"
                + (line == null || line.isBlank() ? "" : "  " + line.strip() + "\n"));
    }

    /** The type name of what {@code e} folds to at compile time, or null when it is not a constant. */
    private static String literalType(Expr e) {
        return switch (e) {
            case Expr.Int i -> "int";
            case Expr.Float f -> "float";
            case Expr.Imaginary i -> "complex";
            case Expr.Str x -> "str";
            case Expr.Bytes x -> "bytes";
            case Expr.Constant c -> switch (c.value()) {
                case NONE -> "NoneType";
                case TRUE, FALSE -> "bool";
                case ELLIPSIS -> "ellipsis";
            };
            case Expr.UnaryOp u when u.op() == Expr.UnaryOpKind.NOT -> literalType(u.operand()) == null ? null : "bool";
            case Expr.UnaryOp u when u.operand() instanceof Expr.Int || u.operand() instanceof Expr.Float
                    && u.op() != Expr.UnaryOpKind.INVERT || u.operand() instanceof Expr.Imaginary
                    && u.op() != Expr.UnaryOpKind.INVERT -> literalType(u.operand());
            case Expr.TupleExpr t when t.elements().stream().allMatch(x -> literalType(x) != null) -> "tuple";
            default -> null;
        };
    }

    /** The bool an expression folds to at compile time ({@code True}, {@code not 0}), or null. */
    private static Boolean foldedBool(Expr e) {
        return switch (e) {
            case Expr.Constant c when c.value() == Expr.Singleton.TRUE -> Boolean.TRUE;
            case Expr.Constant c when c.value() == Expr.Singleton.FALSE -> Boolean.FALSE;
            case Expr.UnaryOp u when u.op() == Expr.UnaryOpKind.NOT -> {
                Boolean truth = switch (u.operand()) {
                    case Expr.Int i -> i.value().signum() != 0;
                    case Expr.Float f -> f.value() != 0.0;
                    case Expr.Str x -> !x.value().isEmpty();
                    case Expr.Bytes x -> x.value().length != 0;
                    case Expr.Constant c -> c.value() == Expr.Singleton.TRUE || c.value() == Expr.Singleton.ELLIPSIS;
                    case Expr.UnaryOp inner when foldedNumber(inner) != null -> {
                        Object n = foldedNumber(inner);
                        yield n instanceof BigInteger i ? i.signum() != 0 : (Double) n != 0.0;
                    }
                    default -> foldedBool(u.operand());
                };
                yield truth == null ? null : !truth;
            }
            default -> null;
        };
    }

    /** The number a unary chain over a numeric literal folds to ({@code -1}, {@code ~-1}), or null. */
    private static Object foldedNumber(Expr e) {
        return switch (e) {
            case Expr.Int i -> i.value();
            case Expr.Float f -> f.value();
            case Expr.UnaryOp u when u.op() != Expr.UnaryOpKind.NOT -> {
                Object v = foldedNumber(u.operand());
                yield switch (v) {
                    case null -> null;
                    case BigInteger i -> u.op() == Expr.UnaryOpKind.USUB ? i.negate()
                            : u.op() == Expr.UnaryOpKind.INVERT ? i.not() : i;
                    case Double d -> u.op() == Expr.UnaryOpKind.USUB ? (Object) (-d)
                            : u.op() == Expr.UnaryOpKind.INVERT ? null : d;
                    default -> null;
                };
            }
            default -> null;
        };
    }

    /** CPython's compile-time guess of an expression's type, for its "perhaps you missed a comma?" warnings. */
    private static String inferType(Expr e) {
        String lit = literalType(e);
        if (lit != null) {
            return lit;
        }
        return switch (e) {
            case Expr.TupleExpr t -> "tuple";
            case Expr.ListExpr l -> "list";
            case Expr.ListComp l -> "list";
            case Expr.DictExpr d -> "dict";
            case Expr.DictComp d -> "dict";
            case Expr.SetExpr x -> "set";
            case Expr.SetComp x -> "set";
            case Expr.GeneratorExp g -> "generator";
            case Expr.Lambda l -> "function";
            case Expr.JoinedStr j -> "str";
            case Expr.FormattedValue f -> "str";
            default -> null;
        };
    }

    private void checkCompare(Expr.Compare c) {
        Expr left = c.left();
        for (int i = 0; i < c.ops().size(); i++) {
            Expr right = c.comparators().get(i);
            Expr.CmpOpKind op = c.ops().get(i);
            if (op == Expr.CmpOpKind.IS || op == Expr.CmpOpKind.IS_NOT) {
                Expr literal = isLiteralArg(left) ? left : isLiteralArg(right) ? right : null;
                if (literal != null) {
                    warn(c.span(), op == Expr.CmpOpKind.IS
                            ? "\"is\" with '" + literalType(literal) + "' literal. Did you mean \"==\"?"
                            : "\"is not\" with '" + literalType(literal) + "' literal. Did you mean \"!=\"?");
                    return;
                }
            }
            left = right;
        }
    }

    private static boolean isLiteralArg(Expr e) {
        String t = literalType(e);
        return t != null && !t.equals("NoneType") && !t.equals("bool") && !t.equals("ellipsis");
    }

    private void checkCaller(Expr.Call c) {
        Expr f = c.function();
        boolean literal = literalType(f) != null || f instanceof Expr.TupleExpr || f instanceof Expr.ListExpr
                || f instanceof Expr.ListComp || f instanceof Expr.DictExpr || f instanceof Expr.DictComp
                || f instanceof Expr.SetExpr || f instanceof Expr.SetComp || f instanceof Expr.GeneratorExp
                || f instanceof Expr.JoinedStr || f instanceof Expr.FormattedValue;
        if (literal) {
            warn(c.span(), "'" + inferType(f) + "' object is not callable; perhaps you missed a comma?");
        }
    }

    private void checkSubscript(Expr.Subscript s) {
        Expr v = s.value();
        String lit = literalType(v);
        if ((lit != null && !lit.equals("str") && !lit.equals("bytes") && !lit.equals("tuple"))
                || v instanceof Expr.SetExpr || v instanceof Expr.SetComp || v instanceof Expr.GeneratorExp
                || v instanceof Expr.Lambda) {
            warn(s.span(), "'" + inferType(v) + "' object is not subscriptable; perhaps you missed a comma?");
            return;
        }
        String index = s.index() instanceof Expr.Slice ? "slice" : inferType(s.index());
        if (index == null || index.equals("int") || index.equals("bool") || index.equals("slice")) {
            return;
        }
        if ((lit != null && (lit.equals("str") || lit.equals("bytes") || lit.equals("tuple")))
                || v instanceof Expr.TupleExpr || v instanceof Expr.ListExpr || v instanceof Expr.ListComp
                || v instanceof Expr.JoinedStr || v instanceof Expr.FormattedValue) {
            warn(s.span(), inferType(v) + " indices must be integers or slices, not " + index
                    + "; perhaps you missed a comma?");
        }
    }

    /**
     * The first error of CPython's symbol-table pass for {@code module}, if any. CPython runs that pass over the
     * whole module before compiling anything, so such an error is reported even when a compiler error (such as
     * "'break' outside loop") comes earlier in the file.
     */
    public static java.util.Optional<SyntaxProblem> symtableError(Node.Module module) {
        try {
            new Symtable(module, module.fileName());
            return java.util.Optional.empty();
        } catch (CompileError e) {
            if (e.getMessage().equals("'yield' outside function")) {
                return java.util.Optional.empty(); // CPython raises this one while compiling, not in its symbol table
            }
            Source source = Source.of(module.fileName(), module.source());
            return java.util.Optional.of(SyntaxProblem.at(SyntaxProblem.Kind.SYNTAX_ERROR, e.getMessage(),
                    module.fileName(), e.span, source.line(e.span.line())));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // constructs outside the subset: their refusal is reported instead
        }
    }

    /** Compiles {@code module}; a Failure carries the SyntaxError CPython's compiler would raise. */
    public static Code compile(Node.Module module, Source source) throws Failure {
        try {
            Symtable st = new Symtable(module, source.fileName());
            Compiler c = new Compiler(st, source);
            Code code = c.compileModule(module);
            List<String> all = new ArrayList<>(EscapeWarnings.scan(source));
            all.addAll(c.warnings);
            code.compileWarnings = List.copyOf(all);
            code.foldsBoolInversion = c.foldsBoolInversion;
            return code;
        } catch (CompileError e) {
            Span s = e.span;
            throw new Failure(SyntaxProblem.at(SyntaxProblem.Kind.SYNTAX_ERROR, e.getMessage(), source.fileName(), s,
                    source.line(s.line())));
        }
    }

    /**
     * Compiles the text given to {@code eval}: a module whose only statement is an expression, compiled to
     * return its value.
     */
    public static Code compileEval(Node.Module module, Source source) throws Failure {
        List<Stmt> body = module.body();
        if (body.size() != 1 || !(body.get(0) instanceof Stmt.ExprStmt e)) {
            Span at = body.isEmpty() ? new Span(1, 0, 1, 1) : body.get(0).span();
            throw new Failure(SyntaxProblem.at(SyntaxProblem.Kind.SYNTAX_ERROR, "invalid syntax", source.fileName(),
                    at, source.line(at.line())));
        }
        try {
            Symtable st = new Symtable(module, source.fileName());
            Compiler c = new Compiler(st, source);
            Code code = c.compileExpressionModule(module, e.value());
            List<String> all = new ArrayList<>(EscapeWarnings.scan(source));
            all.addAll(c.warnings);
            code.compileWarnings = List.copyOf(all);
            code.foldsBoolInversion = c.foldsBoolInversion;
            return code;
        } catch (CompileError err) {
            Span s = err.span;
            throw new Failure(SyntaxProblem.at(SyntaxProblem.Kind.SYNTAX_ERROR, err.getMessage(), source.fileName(), s,
                    source.line(s.line())));
        }
    }

    private Code compileExpressionModule(Node.Module m, Expr value) {
        u = newUnit(st.module, "<module>", "<module>", 1);
        curScope = st.module;
        u.b.flags = Code.NAMESPACE;
        expr(value);
        u.b.span = value.span();
        u.b.emit(Op.RETURN_VALUE);
        return u.b.build();
    }

    private CompileError error(String message, Span span) {
        return new CompileError(message, span);
    }

    // --- units ---------------------------------------------------------------------------------------------------

    private Unit newUnit(Scope scope, String name, String qualname, int firstLine) {
        CodeBuilder b = new CodeBuilder(name, qualname, source);
        b.firstLine = firstLine;
        Unit unit = new Unit(b, scope);
        if (scope.isFunctionLike()) {
            for (String p : scope.params) {
                unit.locals.put(p, b.addLocal(p));
            }
            for (Map.Entry<String, Binding> e : scope.bindings.entrySet()) {
                if (e.getValue() == Binding.LOCAL && !unit.locals.containsKey(e.getKey())) {
                    unit.locals.put(e.getKey(), b.addLocal(e.getKey()));
                }
            }
            for (Map.Entry<String, Binding> e : scope.bindings.entrySet()) {
                if (e.getValue() == Binding.CELL) {
                    b.addCell(e.getKey());
                }
            }
        } else if (scope.kind == Kind.CLASS && scope.needsClassCell) {
            b.addCell("__class__");
        }
        allocateInlined(unit, scope);
        for (String f : scope.frees) {
            if (!b.freeVars.contains(f)) {
                b.addFree(f);
            }
        }
        return unit;
    }

    /** Slots for the variables of the comprehensions that run inline in this unit's frame. */
    private void allocateInlined(Unit unit, Scope s) {
        for (Scope c : s.children) {
            if (c.kind != Kind.COMPREHENSION) {
                continue;
            }
            Map<String, Integer> loc = new HashMap<>();
            Map<String, Integer> cel = new HashMap<>();
            for (Map.Entry<String, Binding> e : c.bindings.entrySet()) {
                if (e.getValue() == Binding.LOCAL) {
                    loc.put(e.getKey(), unit.b.addLocal(e.getKey()));
                } else if (e.getValue() == Binding.CELL) {
                    cel.put(e.getKey(), unit.b.addCell(e.getKey()));
                }
            }
            unit.hiddenLocals.put(c, loc);
            unit.hiddenCells.put(c, cel);
            allocateInlined(unit, c);
        }
    }

    private CodeBuilder b() {
        return u.b;
    }

    private Code compileModule(Node.Module m) {
        Scope scope = st.module;
        u = newUnit(scope, "<module>", "<module>", 1);
        curScope = scope;
        u.b.flags = Code.NAMESPACE;
        List<Stmt> body = m.body();
        if (hasAnnotations(body)) {
            u.b.span = body.get(0).span();
            u.b.emit(Op.SETUP_ANNOTATIONS);
        }
        int start = 0;
        if (docstring(body) != null) {
            u.b.span = body.get(0).span();
            u.b.emit(Op.LOAD_CONST, u.b.constant(docstring(body)));
            u.b.emit(Op.STORE_NAME, u.b.name("__doc__"));
            start = 1;
        }
        for (int i = start; i < body.size(); i++) {
            stmt(body.get(i));
        }
        u.b.emit(Op.RETURN_CONST, u.b.constant(Py.None));
        return u.b.build();
    }

    private static boolean hasAnnotations(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name) {
                return true;
            }
        }
        return false;
    }

    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Str s) {
            return s.value();
        }
        return null;
    }

    /** The scope code is being generated for (a comprehension while compiling one inline). */
    private Scope curScope;

    // --- names ---------------------------------------------------------------------------------------------------

    private enum Access { LOAD, STORE, DELETE }

    private void nameOp(String name, Access access, Scope s) {
        CodeBuilder b = b();
        if (s.kind == Kind.COMPREHENSION) {
            Binding bd = s.binding(name);
            if (bd == Binding.LOCAL) {
                int slot = u.hiddenLocals.get(s).get(name);
                b.emit(access == Access.LOAD ? Op.LOAD_FAST : access == Access.STORE ? Op.STORE_FAST : Op.DELETE_FAST,
                        slot);
                return;
            }
            if (bd == Binding.CELL) {
                int slot = u.hiddenCells.get(s).get(name);
                b.emit(access == Access.LOAD ? Op.LOAD_DEREF : access == Access.STORE ? Op.STORE_DEREF
                        : Op.DELETE_DEREF, slot);
                return;
            }
            if (bd == Binding.FREE) {
                Scope p = s.parent;
                if (p.kind == Kind.CLASS) {
                    derefOp(name, access, p);
                    return;
                }
                nameOp(name, access, p);
                return;
            }
            globalOp(name, access);
            return;
        }
        Binding bd = s.binding(name);
        switch (s.kind) {
            case MODULE -> {
                b.emit(access == Access.LOAD ? Op.LOAD_NAME : access == Access.STORE ? Op.STORE_NAME : Op.DELETE_NAME,
                        b.name(name));
            }
            case CLASS -> {
                switch (bd) {
                    case FREE -> {
                        if (access == Access.LOAD) {
                            int cell = cellIndex(name, s);
                            b.emit(Op.LOAD_CLASSDEREF, cell | (b.name(name) << 12));
                        } else {
                            derefOp(name, access, s);
                        }
                    }
                    case CELL -> derefOp(name, access, s);
                    case GLOBAL_EXPLICIT -> globalOp(name, access);
                    default -> b.emit(access == Access.LOAD ? Op.LOAD_NAME : access == Access.STORE ? Op.STORE_NAME
                            : Op.DELETE_NAME, b.name(name));
                }
            }
            default -> {
                switch (bd) {
                    case LOCAL -> b.emit(access == Access.LOAD ? Op.LOAD_FAST : access == Access.STORE
                            ? Op.STORE_FAST : Op.DELETE_FAST, u.locals.get(name));
                    case CELL, FREE -> derefOp(name, access, s);
                    default -> globalOp(name, access);
                }
            }
        }
    }

    private void derefOp(String name, Access access, Scope s) {
        int cell = cellIndex(name, s);
        b().emit(access == Access.LOAD ? Op.LOAD_DEREF : access == Access.STORE ? Op.STORE_DEREF : Op.DELETE_DEREF,
                cell);
    }

    private void globalOp(String name, Access access) {
        CodeBuilder b = b();
        b.emit(access == Access.LOAD ? Op.LOAD_GLOBAL : access == Access.STORE ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL,
                b.name(name));
    }

    /** The frame's cell slot (cells then frees) holding {@code name} as seen from {@code s}. */
    private int cellIndex(String name, Scope s) {
        CodeBuilder b = b();
        if (s.kind == Kind.COMPREHENSION) {
            Binding bd = s.binding(name);
            if (bd == Binding.CELL) {
                return u.hiddenCells.get(s).get(name);
            }
            return cellIndex(name, s.parent);
        }
        int i = b.cellVars.indexOf(name);
        if (i >= 0 && s.binding(name) != Binding.FREE) {
            return i;
        }
        int f = b.freeVars.indexOf(name);
        if (f < 0) {
            throw new IllegalStateException("no cell for " + name + " in " + s);
        }
        return b.cellVars.size() + f;
    }

    // --- statements ----------------------------------------------------------------------------------------------

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        CodeBuilder b = b();
        b.span = s.span();
        switch (s) {
            case Stmt.FunctionDef f -> functionDef(f);
            case Stmt.ClassDef c -> classDef(c);
            case Stmt.Return r -> {
                if (!curScope.frameScope().isFunctionLike()) {
                    throw error("'return' outside function", r.span());
                }
                if (r.value() != null && curScope.frameScope().generator && curScope.frameScope().coroutine) {
                    throw error("'return' with value in async generator", r.span());
                }
                if (r.value() != null) {
                    expr(r.value());
                } else {
                    b.emit(Op.LOAD_CONST, b.constant(Py.None));
                }
                b.span = r.span();
                unwindAll(true);
                b.span = r.span();
                b.emit(Op.RETURN_VALUE);
            }
            case Stmt.Delete d -> {
                for (Expr t : d.targets()) {
                    delete(t);
                }
            }
            case Stmt.Assign a -> {
                if (a.targets().size() != 1 || !swapAssign(a.targets().get(0), a.value())) {
                    expr(a.value());
                    List<Expr> targets = a.targets();
                    for (int i = 0; i < targets.size(); i++) {
                        if (i < targets.size() - 1) {
                            b.span = a.span();
                            b.emit(Op.COPY, 1);
                        }
                        store(targets.get(i));
                    }
                }
            }
            case Stmt.AugAssign a -> augAssign(a);
            case Stmt.AnnAssign a -> {
                if (a.value() != null) {
                    expr(a.value());
                    store(a.target());
                }
                Scope fs = curScope;
                if (a.target() instanceof Expr.Name n && (fs.kind == Kind.MODULE || fs.kind == Kind.CLASS)) {
                    expr(a.annotation());
                    b.span = a.span();
                    b.emit(Op.STORE_ANNOTATION, b.name(n.id()));
                } else if (!(a.target() instanceof Expr.Name) && a.value() == null) {
                    // an annotated attribute or subscript without value still evaluates the target's parts
                    if (a.target() instanceof Expr.Attribute at) {
                        expr(at.value());
                        b.emit(Op.POP_TOP);
                    }
                }
            }
            case Stmt.For f -> {
                if (f.isAsync()) {
                    asyncFor(f);
                } else {
                    forLoop(f);
                }
            }
            case Stmt.While w -> whileLoop(w);
            case Stmt.If i -> {
                int orElse = b.newLabel();
                int end = b.newLabel();
                jumpIf(i.test(), false, orElse);
                stmts(i.body());
                if (!i.orElse().isEmpty()) {
                    if (!terminates(b)) {
                        b.span = i.span();
                        b.emitJump(Op.JUMP, end);
                    }
                    b.place(orElse);
                    stmts(i.orElse());
                } else {
                    b.place(orElse);
                }
                b.place(end);
            }
            case Stmt.With w -> with(w, 0);
            case Stmt.Raise r -> {
                int n = 0;
                if (r.exc() != null) {
                    expr(r.exc());
                    n = 1;
                    if (r.cause() != null) {
                        expr(r.cause());
                        n = 2;
                    }
                }
                b.span = r.span();
                b.emit(Op.RAISE_VARARGS, n);
                afterTerminal();
            }
            case Stmt.Try t -> {
                if (!t.finalBody().isEmpty()) {
                    tryFinally(t);
                } else if (t.isStar()) {
                    tryExceptStar(t);
                } else {
                    tryExcept(t);
                }
            }
            case Stmt.Assert a -> {
                if (a.test() instanceof Expr.TupleExpr t && !t.elements().isEmpty()) {
                    warn(a.span(), "assertion is always true, perhaps remove parentheses?");
                }
                int end = b.newLabel();
                jumpIf(a.test(), true, end);
                b.span = a.span();
                b.emit(Op.LOAD_ASSERTION_ERROR);
                if (a.message() != null) {
                    b.emit(Op.PUSH_NULL);
                    expr(a.message());
                    b.span = a.span();
                    b.emit(Op.CALL, 1);
                }
                b.emit(Op.RAISE_VARARGS, 1);
                b.depth = b.depth;
                b.place(end);
            }
            case Stmt.Import im -> {
                for (Node.Alias al : im.names()) {
                    b.span = im.span();
                    b.emit(Op.LOAD_CONST, b.constant(Py.box(0)));
                    b.emit(Op.LOAD_CONST, b.constant(al.asName() != null && al.name().contains(".")
                            ? PyTuple.EMPTY : Py.None));
                    b.emit(Op.IMPORT_NAME, b.name(al.name()));
                    String bound = al.asName() != null ? al.asName() : al.name().split("\\.")[0];
                    nameOp(bound, Access.STORE, curScope);
                }
            }
            case Stmt.ImportFrom im -> {
                if (im.level() > 0) {
                    throw error("attempted relative import with no known parent package", im.span());
                }
                Object[] names = new Object[im.names().size()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = im.names().get(i).name();
                }
                b.emit(Op.LOAD_CONST, b.constant(Py.box(im.level())));
                b.emit(Op.LOAD_CONST, b.constant(PyTuple.of(names)));
                b.emit(Op.IMPORT_NAME, b.name(im.module() == null ? "" : im.module()));
                if (names.length == 1 && names[0].equals("*")) {
                    b.emit(Op.IMPORT_STAR);
                } else {
                    for (Node.Alias al : im.names()) {
                        b.emit(Op.IMPORT_FROM, b.name(al.name()));
                        nameOp(al.asName() != null ? al.asName() : al.name(), Access.STORE, curScope);
                    }
                    b.emit(Op.POP_TOP);
                }
            }
            case Stmt.Global g -> {
            }
            case Stmt.Nonlocal n -> {
            }
            case Stmt.ExprStmt e -> {
                expr(e.value());
                b.span = e.span();
                b.emit(Op.POP_TOP);
            }
            case Stmt.Pass p -> b.emit(Op.NOP);
            case Stmt.Break br -> breakOrContinue(br.span(), true);
            case Stmt.Continue co -> breakOrContinue(co.span(), false);
            case Stmt.Unsupported un -> throw error("'" + un.construct() + "' is not supported", un.span());
        }
    }

    /** After a jump, return or raise: following code is unreachable until the next label. */
    private void afterTerminal() {
    }

    private static boolean terminates(CodeBuilder b) {
        int op = b.lastOp();
        return op == Op.RETURN_VALUE || op == Op.RETURN_CONST || op == Op.RAISE_VARARGS || op == Op.RERAISE
                || op == Op.JUMP;
    }

    private void functionDef(Stmt.FunctionDef f) {
        CodeBuilder b = b();
        for (Expr d : f.decorators()) {
            expr(d);
            b.span = d.span();
            b.emit(Op.PUSH_NULL);
        }
        Scope fs = st.scopeOf(f);
        int firstLine = f.decorators().isEmpty() ? f.span().line() : f.decorators().get(0).span().line();
        b.span = f.span();
        pendingReturnAnnotation = f.returns();
        makeFunction(fs, f.args(), f.name(), firstLine, () -> {
            List<Stmt> body = f.body();
            int start = 0;
            String doc = docstring(body);
            if (doc != null) {
                u.b.docstringConst(doc);
                start = 1;
            }
            for (int i = start; i < body.size(); i++) {
                stmt(body.get(i));
            }
            u.b.span = body.get(body.size() - 1).span();
            u.b.emit(Op.RETURN_CONST, u.b.constant(Py.None));
        }, f.span());
        for (int i = f.decorators().size() - 1; i >= 0; i--) {
            b.span = f.decorators().get(i).span();
            b.emit(Op.CALL, 1);
        }
        b.span = f.span();
        nameOp(f.name(), Access.STORE, curScope);
    }

    /** Emits defaults, the closure and MAKE_FUNCTION for a function, lambda or genexpr scope. */
    private void makeFunction(Scope fs, Node.Arguments args, String name, int firstLine, Runnable body, Span span) {
        CodeBuilder b = b();
        int flags = 0;
        if (args != null && !args.defaults().isEmpty()) {
            for (Expr d : args.defaults()) {
                expr(d);
            }
            b.span = span;
            b.emit(Op.BUILD_TUPLE, args.defaults().size());
            flags |= 1;
        }
        if (args != null) {
            int n = 0;
            for (int i = 0; i < args.kwOnly().size(); i++) {
                Expr d = args.kwDefaults().get(i);
                if (d != null) {
                    b.emit(Op.LOAD_CONST, b.constant(args.kwOnly().get(i).name()));
                    expr(d);
                    n++;
                }
            }
            if (n > 0) {
                b.span = span;
                b.emit(Op.BUILD_MAP, n);
                flags |= 2;
            }
        }
        Expr returns = pendingReturnAnnotation;
        pendingReturnAnnotation = null;
        if (args != null && annotations(args, returns, span)) {
            flags |= 4;
        }
        Code code = compileFunctionBody(fs, args, name, firstLine, body);
        b.span = span;
        if (code.freeVars.length > 0) {
            for (String fv : code.freeVars) {
                b.emit(Op.LOAD_CLOSURE, cellIndex(fv, curScope));
            }
            b.emit(Op.BUILD_TUPLE, code.freeVars.length);
            flags |= 8;
        }
        b.emit(Op.LOAD_CONST, b.constant(code));
        b.emit(Op.MAKE_FUNCTION, flags);
    }

    /** The return annotation of the def being compiled (annotations are evaluated when the def runs). */
    private Expr pendingReturnAnnotation;

    /** Pushes a dict of the parameter and return annotations, if there are any. */
    private boolean annotations(Node.Arguments args, Expr returns, Span span) {
        CodeBuilder b = b();
        int n = 0;
        List<Node.Arg> ordered = new ArrayList<>(args.posOnly());
        ordered.addAll(args.args());
        if (args.varArg() != null) {
            ordered.add(args.varArg());
        }
        ordered.addAll(args.kwOnly());
        if (args.kwArg() != null) {
            ordered.add(args.kwArg());
        }
        for (Node.Arg a : ordered) {
            if (a.annotation() != null) {
                b.emit(Op.LOAD_CONST, b.constant(a.name()));
                expr(a.annotation());
                n++;
            }
        }
        if (returns != null) {
            b.emit(Op.LOAD_CONST, b.constant("return"));
            expr(returns);
            n++;
        }
        if (n == 0) {
            return false;
        }
        b.span = span;
        b.emit(Op.BUILD_MAP, n);
        return true;
    }

    private Code compileFunctionBody(Scope fs, Node.Arguments args, String name, int firstLine, Runnable body) {
        Unit saved = u;
        Scope savedScope = curScope;
        u = newUnit(fs, name, fs.qualname, firstLine);
        curScope = fs;
        CodeBuilder nb = u.b;
        if (args != null) {
            nb.argCount = args.posOnly().size() + args.args().size();
            nb.posOnlyCount = args.posOnly().size();
            nb.kwOnlyCount = args.kwOnly().size();
            if (args.varArg() != null) {
                nb.flags |= Code.VARARGS;
            }
            if (args.kwArg() != null) {
                nb.flags |= Code.VARKEYWORDS;
            }
        } else if (fs.kind == Kind.GENEXPR) {
            nb.argCount = 1;
        }
        if (fs.coroutine && fs.generator) {
            nb.flags |= Code.ASYNC_GENERATOR;
        } else if (fs.coroutine) {
            nb.flags |= Code.COROUTINE;
        } else if (fs.generator) {
            nb.flags |= Code.GENERATOR;
        }
        body.run();
        Code code = nb.build();
        u = saved;
        curScope = savedScope;
        return code;
    }

    private void classDef(Stmt.ClassDef c) {
        CodeBuilder b = b();
        for (Expr d : c.decorators()) {
            expr(d);
            b.span = d.span();
            b.emit(Op.PUSH_NULL);
        }
        Scope cs = st.scopeOf(c);
        int firstLine = c.decorators().isEmpty() ? c.span().line() : c.decorators().get(0).span().line();
        Unit saved = u;
        Scope savedScope = curScope;
        u = newUnit(cs, c.name(), cs.qualname, firstLine);
        curScope = cs;
        u.b.flags = Code.NAMESPACE;
        u.b.span = c.span();
        List<Stmt> body = c.body();
        if (hasAnnotations(body)) {
            u.b.emit(Op.SETUP_ANNOTATIONS);
        }
        int start = 0;
        String doc = docstring(body);
        if (doc != null) {
            u.b.span = body.get(0).span();
            u.b.emit(Op.LOAD_CONST, u.b.constant(doc));
            u.b.emit(Op.STORE_NAME, u.b.name("__doc__"));
            start = 1;
        }
        for (int i = start; i < body.size(); i++) {
            stmt(body.get(i));
        }
        u.b.span = c.span();
        if (cs.needsClassCell) {
            u.b.emit(Op.LOAD_CLOSURE, u.b.cellVars.indexOf("__class__"));
            u.b.emit(Op.STORE_NAME, u.b.name("__classcell__"));
        }
        u.b.emit(Op.RETURN_CONST, u.b.constant(Py.None));
        Code code = u.b.build();
        u = saved;
        curScope = savedScope;
        b.span = c.span();
        int flags = 0;
        if (code.freeVars.length > 0) {
            for (String fv : code.freeVars) {
                b.emit(Op.LOAD_CLOSURE, cellIndex(fv, curScope));
            }
            b.emit(Op.BUILD_TUPLE, code.freeVars.length);
            flags |= 8;
        }
        b.emit(Op.LOAD_CONST, b.constant(code));
        b.emit(Op.MAKE_FUNCTION, flags);
        b.emit(Op.LOAD_CONST, b.constant(c.name()));
        boolean starred = c.bases().stream().anyMatch(e -> e instanceof Expr.Starred);
        if (starred) {
            sequence(c.bases(), Op.BUILD_LIST, c.span());
            b.emit(Op.LIST_TO_TUPLE);
        } else {
            for (Expr base : c.bases()) {
                expr(base);
            }
            b.span = c.span();
            b.emit(Op.BUILD_TUPLE, c.bases().size());
        }
        if (c.keywords().isEmpty()) {
            b.emit(Op.LOAD_CONST, b.constant(Py.None));
        } else {
            b.emit(Op.BUILD_MAP, 0);
            for (Node.Keyword k : c.keywords()) {
                if (k.name() == null) {
                    expr(k.value());
                    b.emit(Op.DICT_UPDATE, 1);
                } else {
                    b.emit(Op.LOAD_CONST, b.constant(k.name()));
                    expr(k.value());
                    b.emit(Op.MAP_ADD, 1);
                }
            }
        }
        b.span = c.span();
        b.emit(Op.BUILD_CLASS);
        for (int i = c.decorators().size() - 1; i >= 0; i--) {
            b.span = c.decorators().get(i).span();
            b.emit(Op.CALL, 1);
        }
        b.span = c.span();
        nameOp(c.name(), Access.STORE, curScope);
    }

    private void augAssign(Stmt.AugAssign a) {
        CodeBuilder b = b();
        int op = a.op().ordinal() + 16;
        switch (a.target()) {
            case Expr.Name n -> {
                b.span = n.span();
                nameOp(n.id(), Access.LOAD, curScope);
                expr(a.value());
                b.span = a.span();
                b.emit(Op.BINARY_OP, op);
                b.span = n.span();
                nameOp(n.id(), Access.STORE, curScope);
            }
            case Expr.Attribute at -> {
                expr(at.value());
                b.span = at.span();
                b.emit(Op.COPY, 1);
                b.emit(Op.LOAD_ATTR, b.name(at.attribute()));
                expr(a.value());
                b.span = a.span();
                b.emit(Op.BINARY_OP, op);
                b.span = at.span();
                b.emit(Op.SWAP, 2);
                b.emit(Op.STORE_ATTR, b.name(at.attribute()));
            }
            case Expr.Subscript sub -> {
                registerAnchor(sub);
                expr(sub.value());
                index(sub.index());
                b.span = sub.span();
                b.emit(Op.COPY, 2);
                b.emit(Op.COPY, 2);
                b.emit(Op.BINARY_SUBSCR);
                expr(a.value());
                b.span = a.span();
                b.emit(Op.BINARY_OP, op);
                b.span = sub.span();
                b.emit(Op.SWAP, 3);
                b.emit(Op.SWAP, 2);
                b.emit(Op.STORE_SUBSCR);
            }
            default -> throw error("'" + describe(a.target()) + "' is an illegal expression for augmented assignment",
                    a.target().span());
        }
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Expr.Call c -> "function call";
            case Expr.TupleExpr t -> "tuple";
            case Expr.ListExpr l -> "list";
            default -> "expression";
        };
    }

    private void forLoop(Stmt.For f) {
        CodeBuilder b = b();
        iterable(f.iter());
        b.span = f.span();
        b.emit(Op.GET_ITER);
        int top = b.newLabel();
        int cleanup = b.newLabel();
        int end = b.newLabel();
        b.place(top);
        b.span = f.span();
        b.emitJump(Op.FOR_ITER, cleanup);
        // a generator made just for this loop is closed when the loop is left early
        boolean temporary = f.iter() instanceof Expr.Call || f.iter() instanceof Expr.GeneratorExp;
        u.fblocks.push(new FBlock(FKind.FOR_LOOP, top, end, temporary ? Boolean.TRUE : null));
        store(f.target());
        stmts(f.body());
        b.span = f.span();
        b.emitJump(Op.JUMP, top);
        u.fblocks.pop();
        b.place(cleanup);
        b.depth -= 1;
        stmts(f.orElse());
        b.place(end);
    }

    private void asyncFor(Stmt.For f) {
        CodeBuilder b = b();
        requireAsync(f.span(), "asynchronous for");
        expr(f.iter());
        b.span = f.span();
        b.emit(Op.GET_AITER);
        int top = b.newLabel();
        int except = b.newLabel();
        int end = b.newLabel();
        int closeOnError = b.newLabel();
        b.place(top);
        int depth = b.depth;
        b.pushHandler(except, depth);
        b.span = f.span();
        b.emit(Op.GET_ANEXT);
        awaitLoop(f.span());
        b.popHandler();
        // the loop lets go of its iterator when it is left early, also by an exception: an async generator that
        // nothing else refers to (one made for the loop) is then finalised
        b.pushHandler(closeOnError, depth);
        u.fblocks.push(new FBlock(FKind.ASYNC_FOR_LOOP, top, end, Boolean.TRUE));
        store(f.target());
        stmts(f.body());
        b.span = f.span();
        b.emitJump(Op.JUMP, top);
        u.fblocks.pop();
        b.popHandler();
        b.place(closeOnError);
        b.depth = depth + 1;
        b.emit(Op.SWAP, 2);
        b.emit(Op.CLOSE_ITER);
        b.emit(Op.RERAISE);
        b.place(except);
        b.depth = depth + 1;
        b.emit(Op.END_ASYNC_FOR);
        stmts(f.orElse());
        b.place(end);
    }

    private void requireAsync(Span span, String what) {
        Scope fs = curScope.frameScope();
        if (!fs.coroutine) {
            if (fs.kind == Kind.GENEXPR) {
                return;
            }
            throw error("'" + what.replace("asynchronous ", "async ") + "' outside async function", span);
        }
    }

    private void whileLoop(Stmt.While w) {
        CodeBuilder b = b();
        int top = b.newLabel();
        int orElse = b.newLabel();
        int end = b.newLabel();
        b.place(top);
        boolean infinite = isConstTrue(w.test());
        if (!infinite) {
            jumpIf(w.test(), false, orElse);
        }
        u.fblocks.push(new FBlock(FKind.WHILE_LOOP, top, end, null));
        stmts(w.body());
        b.span = w.span();
        b.emitJump(Op.JUMP, top);
        u.fblocks.pop();
        b.place(orElse);
        stmts(w.orElse());
        b.place(end);
    }

    private static boolean isConstTrue(Expr e) {
        return e instanceof Expr.Constant c && c.value() == Expr.Singleton.TRUE
                || e instanceof Expr.Int i && i.value().signum() != 0;
    }

    private void breakOrContinue(Span span, boolean isBreak) {
        CodeBuilder b = b();
        FBlock loop = null;
        for (FBlock f : u.fblocks) {
            if (f.kind == FKind.WHILE_LOOP || f.kind == FKind.FOR_LOOP || f.kind == FKind.ASYNC_FOR_LOOP) {
                loop = f;
                break;
            }
        }
        if (loop == null) {
            throw error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", span);
        }
        b.span = span;
        unwindTo(loop, isBreak, false);
        b.span = span;
        b.emitJump(Op.JUMP, isBreak ? loop.exit : loop.start);
    }

    /**
     * Emits the cleanup of every block above {@code target} (and of the target loop itself for break), keeping
     * the value on top of the stack when {@code preserveTop}.
     */
    private void unwindTo(FBlock target, boolean includeTarget, boolean preserveTop) {
        CodeBuilder b = b();
        int savedDepth = b.depth;
        List<FBlock> popped = new ArrayList<>();
        List<int[]> poppedHandlers = new ArrayList<>();
        while (!u.fblocks.isEmpty()) {
            FBlock f = u.fblocks.peek();
            if (f == target && !includeTarget) {
                break;
            }
            if (f.kind == FKind.EXCEPTION_GROUP_HANDLER) {
                throw error("'break', 'continue' and 'return' cannot appear in an except* block", b.span);
            }
            u.fblocks.pop();
            popped.add(f);
            unwindBlock(f, preserveTop, poppedHandlers);
            if (f == target) {
                break;
            }
        }
        for (int i = popped.size() - 1; i >= 0; i--) {
            u.fblocks.push(popped.get(i));
        }
        for (int i = poppedHandlers.size() - 1; i >= 0; i--) {
            b.restoreHandler(poppedHandlers.get(i));
        }
        b.depth = savedDepth;
    }

    private void unwindAll(boolean preserveTop) {
        unwindTo(null, true, preserveTop);
    }

    private void unwindBlock(FBlock f, boolean preserveTop, List<int[]> poppedHandlers) {
        CodeBuilder b = b();
        switch (f.kind) {
            case WHILE_LOOP, POP_VALUE -> {
                if (f.kind == FKind.POP_VALUE) {
                    if (preserveTop) {
                        b.emit(Op.SWAP, 2);
                    }
                    b.emit(Op.POP_TOP);
                }
            }
            case FOR_LOOP, ASYNC_FOR_LOOP -> {
                if (preserveTop) {
                    b.emit(Op.SWAP, 2);
                }
                b.emit(f.datum == Boolean.TRUE ? Op.CLOSE_ITER : Op.POP_TOP);
            }
            case TRY_EXCEPT -> poppedHandlers.add(b.popHandler());
            case EXCEPTION_GROUP_HANDLER -> throw new IllegalStateException("unwinding an except* block");
            case FINALLY_TRY -> {
                poppedHandlers.add(b.popHandler());
                @SuppressWarnings("unchecked")
                List<Stmt> finalBody = (List<Stmt>) f.datum;
                if (preserveTop) {
                    u.fblocks.push(new FBlock(FKind.POP_VALUE, -1, -1, null));
                }
                stmts(finalBody);
                if (preserveTop) {
                    u.fblocks.pop();
                }
            }
            case FINALLY_END -> {
                poppedHandlers.add(b.popHandler());
                if (preserveTop) {
                    b.emit(Op.SWAP, 2);
                }
                b.emit(Op.POP_TOP);
                if (preserveTop) {
                    b.emit(Op.SWAP, 2);
                }
                b.emit(Op.POP_EXCEPT);
            }
            case WITH, ASYNC_WITH -> {
                poppedHandlers.add(b.popHandler());
                if (preserveTop) {
                    b.emit(Op.SWAP, 2);
                }
                b.emit(Op.PUSH_NULL);
                b.emit(Op.LOAD_CONST, b.constant(Py.None));
                b.emit(Op.LOAD_CONST, b.constant(Py.None));
                b.emit(Op.LOAD_CONST, b.constant(Py.None));
                b.emit(Op.CALL, 3);
                if (f.kind == FKind.ASYNC_WITH) {
                    b.emit(Op.GET_AWAITABLE, 2);
                    awaitLoop(b.span);
                }
                b.emit(Op.POP_TOP);
            }
            case HANDLER_CLEANUP -> {
                poppedHandlers.add(b.popHandler());
                if (f.datum instanceof String) {
                    poppedHandlers.add(b.popHandler());
                }
                if (preserveTop) {
                    b.emit(Op.SWAP, 2);
                }
                b.emit(Op.POP_EXCEPT);
                if (f.datum instanceof String name) {
                    b.emit(Op.LOAD_CONST, b.constant(Py.None));
                    nameOp(name, Access.STORE, curScope);
                    nameOp(name, Access.DELETE, curScope);
                }
            }
        }
    }

    private void tryExcept(Stmt.Try t) {
        CodeBuilder b = b();
        int handler = b.newLabel();
        int orElse = b.newLabel();
        int end = b.newLabel();
        int cleanup = b.newLabel();
        int depth = b.depth;
        tryBody(t, handler, orElse, cleanup);
        for (int i = 0; i < t.handlers().size(); i++) {
            Node.ExceptHandler h = t.handlers().get(i);
            b.span = h.span();
            int next = b.newLabel();
            if (h.type() == null) {
                if (i != t.handlers().size() - 1) {
                    throw error("default 'except:' must be last", h.span());
                }
            } else {
                expr(h.type());
                b.span = h.span();
                b.emit(Op.CHECK_EXC_MATCH);
                b.emitJump(Op.POP_JUMP_IF_FALSE, next);
            }
            if (h.name() != null) {
                b.span = h.span();
                nameOp(h.name(), Access.STORE, curScope);
                int cleanName = b.newLabel();
                b.pushHandler(cleanName, depth + 1);
                u.fblocks.push(new FBlock(FKind.HANDLER_CLEANUP, -1, -1, h.name()));
                stmts(h.body());
                u.fblocks.pop();
                b.popHandler();
                b.span = handlerExitSpan(h);
                b.emit(Op.POP_EXCEPT);
                clearName(h.name());
                b.emitJump(Op.JUMP, end);
                // an exception inside the handler body: clear the name, then the usual cleanup
                b.place(cleanName);
                b.depth = depth + 2;
                clearName(h.name());
                b.emit(Op.RERAISE);
            } else {
                b.emit(Op.POP_TOP);
                u.fblocks.push(new FBlock(FKind.HANDLER_CLEANUP, -1, -1, null));
                stmts(h.body());
                u.fblocks.pop();
                b.span = handlerExitSpan(h);
                b.emit(Op.POP_EXCEPT);
                b.emitJump(Op.JUMP, end);
            }
            b.place(next);
            b.depth = depth + 2;
        }
        // no handler matched: re-raise with the previous exception restored
        b.span = t.span();
        b.emit(Op.RERAISE);
        b.popHandler();
        tryEnd(t, cleanup, orElse, end, depth);
    }

    /**
     * {@code try} with {@code except*} clauses, laid out as CPython 3.12 compiles it. Below the previous handled
     * exception the stack holds the original exception, the list of what the clauses raise and what is still
     * unmatched; each clause splits off its part with CHECK_EG_MATCH, and an exception leaving its body is added
     * to the list. PREP_RERAISE_STAR then works out what to raise (nothing, when every part was handled).
     */
    private void tryExceptStar(Stmt.Try t) {
        CodeBuilder b = b();
        int handler = b.newLabel();
        int orElse = b.newLabel();
        int end = b.newLabel();
        int cleanup = b.newLabel();
        int reraiseStar = b.newLabel();
        int reraise = b.newLabel();
        int depth = b.depth;
        tryBody(t, handler, orElse, cleanup);
        u.fblocks.push(new FBlock(FKind.EXCEPTION_GROUP_HANDLER, -1, -1, null));
        int n = t.handlers().size();
        for (int i = 0; i < n; i++) {
            Node.ExceptHandler h = t.handlers().get(i);
            int bodyDone = b.newLabel();
            int raisedInBody = b.newLabel();
            int noMatch = b.newLabel();
            int next = b.newLabel();
            b.span = h.span();
            if (i == 0) {
                // [prev, orig] -> [prev, orig, raised, orig]
                b.emit(Op.BUILD_LIST, 0);
                b.emit(Op.COPY, 2);
            }
            // [prev, orig, raised, rest]
            expr(h.type());
            b.span = h.span();
            b.emit(Op.CHECK_EG_MATCH);
            b.emit(Op.COPY, 1);
            b.emitJump(Op.POP_JUMP_IF_NONE, noMatch);
            if (h.name() != null) {
                nameOp(h.name(), Access.STORE, curScope);
            } else {
                b.emit(Op.POP_TOP);
            }
            b.pushHandler(raisedInBody, depth + 4);
            u.fblocks.push(new FBlock(FKind.HANDLER_CLEANUP, -1, -1, h.name()));
            stmts(h.body());
            u.fblocks.pop();
            b.popHandler();
            b.span = h.span();
            if (h.name() != null) {
                clearName(h.name());
            }
            b.emitJump(Op.JUMP, bodyDone);
            // [prev, orig, raised, rest, exc]: the body raised
            b.place(raisedInBody);
            b.depth = depth + 5;
            if (h.name() != null) {
                clearName(h.name());
            }
            b.emit(Op.LIST_APPEND, 2);
            b.emitJump(Op.JUMP, next);
            b.place(bodyDone);
            b.depth = depth + 4;
            b.emit(Op.NOP);
            b.emitJump(Op.JUMP, next);
            // [prev, orig, raised, rest, None]
            b.place(noMatch);
            b.depth = depth + 5;
            b.emit(Op.POP_TOP);
            b.place(next);
            b.depth = depth + 4;
            if (i == n - 1) {
                // what no clause matched joins the list
                b.emit(Op.LIST_APPEND, 1);
                b.emitJump(Op.JUMP, reraiseStar);
            }
        }
        u.fblocks.pop();
        // [prev, orig, raised]
        b.place(reraiseStar);
        b.depth = depth + 3;
        b.span = t.span();
        b.emit(Op.PREP_RERAISE_STAR);
        b.emit(Op.COPY, 1);
        b.emitJump(Op.POP_JUMP_IF_NOT_NONE, reraise);
        b.popHandler();
        b.emit(Op.POP_TOP);
        b.emit(Op.POP_EXCEPT);
        b.emitJump(Op.JUMP, end);
        // [prev, exc]
        b.place(reraise);
        b.depth = depth + 2;
        b.emit(Op.SWAP, 2);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.RERAISE);
        tryEnd(t, cleanup, orElse, end, depth);
    }

    /**
     * The line CPython gives the code that leaves a handler normally (it lets go of the exception there): the line
     * of the statement that ran last, for a loop or {@code with} its first line; the handler's own line when the
     * body ends in branches (CPython has no line for that code then).
     */
    private static Span handlerExitSpan(Node.ExceptHandler h) {
        Stmt last = h.body().get(h.body().size() - 1);
        return switch (last) {
            case Stmt.For f -> f.orElse().isEmpty() ? f.span() : h.span();
            case Stmt.While w -> w.orElse().isEmpty() ? w.span() : h.span();
            case Stmt.With w -> w.span();
            case Stmt.If i -> h.span();
            case Stmt.Try t -> h.span();
            default -> last.span();
        };
    }

    /** {@code name = None; del name} after an except clause that bound the exception to a name. */
    /**
     * The part every {@code try} with handlers shares: the body under {@code handler}, a jump to the else block,
     * then the handlers' entry with the exception pushed and {@code cleanup} guarding them.
     */
    private void tryBody(Stmt.Try t, int handler, int orElse, int cleanup) {
        CodeBuilder b = b();
        int depth = b.depth;
        b.pushHandler(handler, depth);
        u.fblocks.push(new FBlock(FKind.TRY_EXCEPT, -1, -1, null));
        b.span = t.span();
        b.emit(Op.NOP);
        stmts(t.body());
        u.fblocks.pop();
        b.popHandler();
        b.span = t.span();
        b.emitJump(Op.JUMP, orElse);
        // handlers: stack is [exc] at entry
        b.place(handler);
        b.depth = depth + 1;
        b.pushHandler(cleanup, depth + 1);
        b.emit(Op.PUSH_EXC_INFO);
    }

    /** The shared end: the cleanup that restores the previous exception and re-raises, the else block, the end. */
    private void tryEnd(Stmt.Try t, int cleanup, int orElse, int end, int depth) {
        CodeBuilder b = b();
        b.place(cleanup);
        b.depth = depth + 2;
        b.emit(Op.SWAP, 2);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.RERAISE);
        b.place(orElse);
        b.depth = depth;
        stmts(t.orElse());
        b.place(end);
        b.depth = depth;
    }

    private void clearName(String name) {
        CodeBuilder b = b();
        b.emit(Op.LOAD_CONST, b.constant(Py.None));
        nameOp(name, Access.STORE, curScope);
        nameOp(name, Access.DELETE, curScope);
    }

    private void tryFinally(Stmt.Try t) {
        CodeBuilder b = b();
        int handler = b.newLabel();
        int end = b.newLabel();
        int cleanup = b.newLabel();
        int depth = b.depth;
        b.pushHandler(handler, depth);
        u.fblocks.push(new FBlock(FKind.FINALLY_TRY, -1, -1, t.finalBody()));
        b.span = t.span();
        b.emit(Op.NOP);
        if (!t.handlers().isEmpty()) {
            Stmt.Try inner = new Stmt.Try(t.body(), t.handlers(), t.orElse(), List.of(), t.isStar(), t.span());
            if (t.isStar()) {
                tryExceptStar(inner);
            } else {
                tryExcept(inner);
            }
        } else {
            stmts(t.body());
        }
        u.fblocks.pop();
        b.popHandler();
        // normal exit: run the finally body inline
        stmts(t.finalBody());
        b.span = t.span();
        b.emitJump(Op.JUMP, end);
        // exceptional exit
        b.place(handler);
        b.depth = depth + 1;
        b.pushHandler(cleanup, depth + 1);
        b.emit(Op.PUSH_EXC_INFO);
        u.fblocks.push(new FBlock(FKind.FINALLY_END, -1, -1, null));
        stmts(t.finalBody());
        u.fblocks.pop();
        b.span = t.span();
        b.emit(Op.RERAISE);
        b.popHandler();
        b.place(cleanup);
        b.depth = depth + 2;
        b.emit(Op.SWAP, 2);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.RERAISE);
        b.place(end);
        b.depth = depth;
    }

    private void with(Stmt.With w, int itemIndex) {
        CodeBuilder b = b();
        Node.WithItem item = w.items().get(itemIndex);
        boolean async = w.isAsync();
        if (async) {
            requireAsync(w.span(), "asynchronous with");
        }
        expr(item.context());
        b.span = w.span();
        b.emit(async ? Op.BEFORE_ASYNC_WITH : Op.BEFORE_WITH);
        b.emit(Op.CALL, 0);
        if (async) {
            b.emit(Op.GET_AWAITABLE, 1);
            awaitLoop(w.span());
        }
        int handler = b.newLabel();
        int end = b.newLabel();
        int cleanup = b.newLabel();
        int suppress = b.newLabel();
        int depth = b.depth - 2;
        b.pushHandler(handler, depth + 1);
        u.fblocks.push(new FBlock(async ? FKind.ASYNC_WITH : FKind.WITH, -1, -1, null));
        if (item.target() != null) {
            store(item.target());
        } else {
            b.emit(Op.POP_TOP);
        }
        if (itemIndex + 1 < w.items().size()) {
            with(w, itemIndex + 1);
        } else {
            stmts(w.body());
        }
        u.fblocks.pop();
        b.popHandler();
        b.span = w.span();
        b.emit(Op.PUSH_NULL);
        b.emit(Op.LOAD_CONST, b.constant(Py.None));
        b.emit(Op.LOAD_CONST, b.constant(Py.None));
        b.emit(Op.LOAD_CONST, b.constant(Py.None));
        b.emit(Op.CALL, 3);
        if (async) {
            b.emit(Op.GET_AWAITABLE, 2);
            awaitLoop(w.span());
        }
        b.emit(Op.POP_TOP);
        b.emitJump(Op.JUMP, end);
        // exception in the body: stack [exit, exc]
        b.place(handler);
        b.depth = depth + 2;
        b.pushHandler(cleanup, depth + 2);
        b.emit(Op.PUSH_EXC_INFO);
        b.emit(Op.COPY, 3);
        b.emit(Op.PUSH_NULL);
        b.emit(Op.COPY, 3);
        b.emit(Op.WITH_EXC_ARGS);
        b.emit(Op.CALL, 3);
        if (async) {
            b.emit(Op.GET_AWAITABLE, 2);
            awaitLoop(w.span());
        }
        b.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
        b.emit(Op.RERAISE);
        b.place(suppress);
        b.depth = depth + 3;
        b.emit(Op.POP_TOP);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.POP_TOP);
        b.popHandler();
        b.emitJump(Op.JUMP, end);
        b.place(cleanup);
        b.depth = depth + 3;
        b.emit(Op.SWAP, 2);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.RERAISE);
        b.place(end);
        b.depth = depth;
    }

    // --- assignment targets -------------------------------------------------------------------------------------

    private void store(Expr t) {
        CodeBuilder b = b();
        switch (t) {
            case Expr.Name n -> {
                b.span = n.span();
                nameOp(n.id(), Access.STORE, curScope);
            }
            case Expr.Attribute a -> {
                expr(a.value());
                b.span = a.span();
                b.emit(Op.STORE_ATTR, b.name(a.attribute()));
            }
            case Expr.Subscript s -> {
                registerAnchor(s);
                expr(s.value());
                index(s.index());
                b.span = s.span();
                b.emit(Op.STORE_SUBSCR);
            }
            case Expr.TupleExpr tu -> unpackTargets(tu.elements(), tu.span());
            case Expr.ListExpr li -> unpackTargets(li.elements(), li.span());
            case Expr.Starred st -> throw error("starred assignment target must be in a list or tuple", st.span());
            default -> throw error("cannot assign to " + describe(t), t.span());
        }
    }

    /**
     * {@code a, b = x, y} (or three of each), compiled as CPython's optimiser leaves it: the values pushed, one
     * SWAP, the targets stored in order, without building and unpacking a tuple. Returns false for any other
     * assignment.
     */
    private boolean swapAssign(Expr target, Expr value) {
        List<Expr> targets = target instanceof Expr.TupleExpr t ? t.elements()
                : target instanceof Expr.ListExpr l ? l.elements() : null;
        if (targets == null || !(value instanceof Expr.TupleExpr v) || v.elements().size() != targets.size()
                || targets.size() < 2 || targets.size() > 3) {
            return false;
        }
        for (Expr e : targets) {
            if (e instanceof Expr.Starred) {
                return false;
            }
        }
        for (Expr e : v.elements()) {
            if (e instanceof Expr.Starred) {
                return false;
            }
        }
        for (Expr e : v.elements()) {
            expr(e);
        }
        CodeBuilder b = b();
        b.span = target.span();
        b.emit(Op.SWAP, targets.size());
        for (Expr e : targets) {
            store(e);
        }
        return true;
    }

    private void unpackTargets(List<Expr> elts, Span span) {
        CodeBuilder b = b();
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Expr.Starred) {
                if (star >= 0) {
                    throw error("multiple starred expressions in assignment", span);
                }
                star = i;
            }
        }
        b.span = span;
        if (star < 0) {
            b.emit(Op.UNPACK_SEQUENCE, elts.size());
        } else {
            b.emit(Op.UNPACK_EX, star | ((elts.size() - star - 1) << 8));
        }
        for (Expr e : elts) {
            store(e instanceof Expr.Starred s ? s.value() : e);
        }
    }

    private void delete(Expr t) {
        CodeBuilder b = b();
        switch (t) {
            case Expr.Name n -> {
                b.span = n.span();
                nameOp(n.id(), Access.DELETE, curScope);
            }
            case Expr.Attribute a -> {
                expr(a.value());
                b.span = a.span();
                b.emit(Op.DELETE_ATTR, b.name(a.attribute()));
            }
            case Expr.Subscript s -> {
                registerAnchor(s);
                expr(s.value());
                index(s.index());
                b.span = s.span();
                b.emit(Op.DELETE_SUBSCR);
            }
            case Expr.TupleExpr tu -> tu.elements().forEach(this::delete);
            case Expr.ListExpr li -> li.elements().forEach(this::delete);
            default -> throw error("cannot delete " + describe(t), t.span());
        }
    }

    // --- expressions ---------------------------------------------------------------------------------------------

    private void registerAnchor(Expr e) {
        if (e instanceof Expr.BinOp bo) {
            Span l = bo.left().span();
            Span r = bo.right().span();
            b().anchor(bo.span(), new int[] {0, l.endLine(), l.endColumn(), r.line(), r.column()});
        } else if (e instanceof Expr.Subscript s) {
            Span v = s.value().span();
            Span i = s.index().span();
            b().anchor(s.span(), new int[] {1, v.endLine(), v.endColumn(), i.endLine(), i.endColumn()});
        }
    }

    private void index(Expr idx) {
        if (idx instanceof Expr.Slice s) {
            CodeBuilder b = b();
            loadOrNone(s.lower());
            loadOrNone(s.upper());
            if (s.step() != null) {
                expr(s.step());
                b.span = s.span();
                b.emit(Op.BUILD_SLICE, 3);
            } else {
                b.span = s.span();
                b.emit(Op.BUILD_SLICE, 2);
            }
        } else {
            expr(idx);
        }
    }

    private void loadOrNone(Expr e) {
        if (e == null) {
            b().emit(Op.LOAD_CONST, b().constant(Py.None));
        } else {
            expr(e);
        }
    }

    /** Evaluates {@code test} and jumps to {@code label} when its truth equals {@code when}. */
    private void jumpIf(Expr test, boolean when, int label) {
        CodeBuilder b = b();
        if (test instanceof Expr.UnaryOp u1 && u1.op() == Expr.UnaryOpKind.NOT) {
            jumpIf(u1.operand(), !when, label);
            return;
        }
        if (test instanceof Expr.BoolOp bo) {
            boolean isAnd = bo.op() == Expr.BoolOpKind.AND;
            if (isAnd != when) {
                // and/jump-if-false, or/jump-if-true: any operand decides
                for (Expr v : bo.values()) {
                    jumpIf(v, when, label);
                }
            } else {
                int skip = b.newLabel();
                List<Expr> vs = bo.values();
                for (int i = 0; i < vs.size() - 1; i++) {
                    jumpIf(vs.get(i), !when, skip);
                }
                jumpIf(vs.get(vs.size() - 1), when, label);
                b.place(skip);
            }
            return;
        }
        expr(test);
        b.span = test.span();
        b.emitJump(when ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
    }

    private void expr(Expr e) {
        CodeBuilder b = b();
        switch (e) {
            case Expr.Int i -> {
                b.span = e.span();
                BigInteger v = i.value();
                b.emit(Op.LOAD_CONST, b.constant(Py.normalize(v)));
            }
            case Expr.Float f -> {
                b.span = e.span();
                b.emit(Op.LOAD_CONST, b.constant(f.value()));
            }
            case Expr.Imaginary im -> throw error("complex numbers are not supported", im.span());
            case Expr.Str s -> {
                b.span = e.span();
                b.emit(Op.LOAD_CONST, b.constant(s.value()));
            }
            case Expr.Bytes by -> {
                b.span = e.span();
                b.emit(Op.LOAD_CONST, b.constant(new BytesConst(by.value())));
            }
            case Expr.Constant c -> {
                b.span = e.span();
                Object v = switch (c.value()) {
                    case NONE -> Py.None;
                    case TRUE -> Boolean.TRUE;
                    case FALSE -> Boolean.FALSE;
                    case ELLIPSIS -> Py.Ellipsis;
                };
                b.emit(Op.LOAD_CONST, b.constant(v));
            }
            case Expr.Name n -> {
                b.span = e.span();
                nameOp(n.id(), Access.LOAD, curScope);
            }
            case Expr.Attribute a -> {
                expr(a.value());
                b.span = a.span();
                b.emit(Op.LOAD_ATTR, b.name(a.attribute()));
            }
            case Expr.Subscript s -> {
                checkSubscript(s);
                registerAnchor(s);
                expr(s.value());
                index(s.index());
                b.span = s.span();
                b.emit(Op.BINARY_SUBSCR);
            }
            case Expr.BinOp bo -> {
                registerAnchor(bo);
                expr(bo.left());
                expr(bo.right());
                b.span = bo.span();
                b.emit(Op.BINARY_OP, bo.op().ordinal());
            }
            case Expr.UnaryOp uo when uo.op() == Expr.UnaryOpKind.INVERT && foldedBool(uo.operand()) != null -> {
                // folded at compile time, as CPython does (so without the runtime DeprecationWarning)
                foldsBoolInversion = true;
                b.span = uo.span();
                b.emit(Op.LOAD_CONST, b.constant(Py.box(foldedBool(uo.operand()) ? -2L : -1L)));
            }
            case Expr.UnaryOp uo -> {
                expr(uo.operand());
                b.span = uo.span();
                b.emit(switch (uo.op()) {
                    case NOT -> Op.UNARY_NOT;
                    case USUB -> Op.UNARY_NEGATIVE;
                    case UADD -> Op.UNARY_POSITIVE;
                    case INVERT -> Op.UNARY_INVERT;
                });
            }
            case Expr.BoolOp bo -> {
                int end = b.newLabel();
                List<Expr> vs = bo.values();
                for (int i = 0; i < vs.size(); i++) {
                    expr(vs.get(i));
                    if (i < vs.size() - 1) {
                        b.span = bo.span();
                        b.emitJump(bo.op() == Expr.BoolOpKind.AND ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP,
                                end);
                    }
                }
                b.place(end);
            }
            case Expr.Compare c -> compare(c);
            case Expr.IfExp ie -> {
                int orElse = b.newLabel();
                int end = b.newLabel();
                jumpIf(ie.test(), false, orElse);
                expr(ie.body());
                b.span = ie.span();
                b.emitJump(Op.JUMP, end);
                b.place(orElse);
                b.depth -= 1;
                expr(ie.orElse());
                b.place(end);
            }
            case Expr.NamedExpr ne -> {
                expr(ne.value());
                b.span = ne.span();
                b.emit(Op.COPY, 1);
                store(ne.target());
            }
            case Expr.Call c -> call(c);
            case Expr.TupleExpr t -> {
                if (t.elements().stream().anyMatch(x -> x instanceof Expr.Starred)) {
                    sequence(t.elements(), Op.BUILD_LIST, t.span());
                    b.emit(Op.LIST_TO_TUPLE);
                } else {
                    for (Expr x : t.elements()) {
                        expr(x);
                    }
                    b.span = t.span();
                    b.emit(Op.BUILD_TUPLE, t.elements().size());
                }
            }
            case Expr.ListExpr l -> sequence(l.elements(), Op.BUILD_LIST, l.span());
            case Expr.SetExpr s -> sequence(s.elements(), Op.BUILD_SET, s.span());
            case Expr.DictExpr d -> dict(d);
            case Expr.Lambda l -> {
                Scope ls = st.scopeOf(l);
                b.span = l.span();
                makeFunction(ls, l.args(), "<lambda>", l.span().line(), () -> {
                    expr(l.body());
                    u.b.span = l.body().span();
                    u.b.emit(Op.RETURN_VALUE);
                }, l.span());
            }
            case Expr.ListComp lc -> inlineComprehension(lc, lc.generators(), Op.BUILD_LIST, List.of(lc.element()));
            case Expr.SetComp sc -> inlineComprehension(sc, sc.generators(), Op.BUILD_SET, List.of(sc.element()));
            case Expr.DictComp dc -> inlineComprehension(dc, dc.generators(), Op.BUILD_MAP,
                    List.of(dc.key(), dc.value()));
            case Expr.GeneratorExp g -> generatorExp(g);
            case Expr.Await a -> {
                Scope fs = curScope.frameScope();
                if (!fs.coroutine && fs.kind != Kind.GENEXPR) {
                    throw error(fs.isFunctionLike() ? "'await' outside async function" : "'await' outside function",
                            a.span());
                }
                expr(a.value());
                b.span = a.span();
                b.emit(Op.GET_AWAITABLE, 0);
                awaitLoop(a.span());
            }
            case Expr.Yield y -> {
                loadOrNone(y.value());
                b.span = y.span();
                b.emit(Op.YIELD_VALUE, 0);
            }
            case Expr.YieldFrom y -> {
                if (curScope.frameScope().coroutine) {
                    throw error("'yield from' inside async function", y.span());
                }
                expr(y.value());
                b.span = y.span();
                b.emit(Op.GET_YIELD_FROM_ITER);
                awaitLoop(y.span());
            }
            case Expr.JoinedStr j -> joinedStr(j);
            case Expr.FormattedValue fv -> {
                formattedValue(fv);
            }
            case Expr.Starred s -> throw error("can't use starred expression here", s.span());
            case Expr.Slice s -> index(s); // a slice among the items of a tuple subscript: x[1:2, 3]
        }
    }

    /** Bytes literals are constants; the runtime represents bytes as byte[]. */
    record BytesConst(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BytesConst other && java.util.Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(value);
        }
    }

    /** The await/yield-from loop: sends into the receiver below until it returns. */
    private void awaitLoop(Span span) {
        CodeBuilder b = b();
        b.span = span;
        b.emit(Op.LOAD_CONST, b.constant(Py.None));
        int loop = b.newLabel();
        int exit = b.newLabel();
        b.place(loop);
        b.emitJump(Op.SEND, exit);
        b.emit(Op.YIELD_VALUE, 1);
        b.emitJump(Op.JUMP, loop);
        b.place(exit);
        b.depth -= 1;
    }

    private void compare(Expr.Compare c) {
        checkCompare(c);
        CodeBuilder b = b();
        expr(c.left());
        List<Expr.CmpOpKind> ops = c.ops();
        if (ops.size() == 1) {
            expr(c.comparators().get(0));
            b.span = c.span();
            emitCompare(ops.get(0));
            return;
        }
        int cleanup = b.newLabel();
        int end = b.newLabel();
        for (int i = 0; i < ops.size(); i++) {
            expr(c.comparators().get(i));
            b.span = c.span();
            if (i < ops.size() - 1) {
                b.emit(Op.SWAP, 2);
                b.emit(Op.COPY, 2);
                emitCompare(ops.get(i));
                b.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
            } else {
                emitCompare(ops.get(i));
            }
        }
        b.emitJump(Op.JUMP, end);
        b.place(cleanup);
        b.depth += 1;
        b.emit(Op.SWAP, 2);
        b.emit(Op.POP_TOP);
        b.place(end);
    }

    private void emitCompare(Expr.CmpOpKind op) {
        CodeBuilder b = b();
        switch (op) {
            case EQ -> b.emit(Op.COMPARE_OP, Ops.EQ);
            case NOT_EQ -> b.emit(Op.COMPARE_OP, Ops.NE);
            case LT -> b.emit(Op.COMPARE_OP, Ops.LT);
            case LT_E -> b.emit(Op.COMPARE_OP, Ops.LE);
            case GT -> b.emit(Op.COMPARE_OP, Ops.GT);
            case GT_E -> b.emit(Op.COMPARE_OP, Ops.GE);
            case IS -> b.emit(Op.IS_OP, 0);
            case IS_NOT -> b.emit(Op.IS_OP, 1);
            case IN -> b.emit(Op.CONTAINS_OP, 0);
            case NOT_IN -> b.emit(Op.CONTAINS_OP, 1);
        }
    }

    /** A list/set display, with starred elements unpacked. */
    private void sequence(List<Expr> elts, int buildOp, Span span) {
        CodeBuilder b = b();
        if (buildOp == Op.BUILD_SET && elts.size() > 2 && elts.stream().allMatch(Compiler::isConstant)) {
            // CPython builds a frozenset constant and copies it: the copy decides the set's iteration order
            PySet frozen = frozensetConstant(elts);
            b.span = span;
            b.emit(Op.BUILD_SET, 0);
            b.emit(Op.LOAD_CONST, b.constant(frozen));
            b.emit(Op.SET_UPDATE, 1);
            return;
        }
        if (buildOp == Op.BUILD_LIST && elts.size() > 2 && elts.stream().allMatch(Compiler::isConstant)) {
            // as CPython: an empty list extended by a tuple constant (which decides the list's allocation)
            b.span = span;
            b.emit(Op.BUILD_LIST, 0);
            b.emit(Op.LOAD_CONST, b.constant(PyTuple.of(elts.stream().map(Compiler::constantValue).toArray())));
            b.emit(Op.LIST_EXTEND, 1);
            return;
        }
        boolean starred = elts.stream().anyMatch(x -> x instanceof Expr.Starred);
        if (!starred) {
            for (Expr x : elts) {
                expr(x);
            }
            b.span = span;
            b.emit(buildOp, elts.size());
            return;
        }
        int pending = 0;
        boolean built = false;
        for (Expr x : elts) {
            if (x instanceof Expr.Starred s) {
                if (!built) {
                    b.span = span;
                    b.emit(buildOp, pending);
                    built = true;
                } else if (pending > 0) {
                    throw new IllegalStateException();
                }
                pending = 0;
                expr(s.value());
                b.span = span;
                b.emit(buildOp == Op.BUILD_SET ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
            } else {
                expr(x);
                if (built) {
                    b.span = span;
                    b.emit(buildOp == Op.BUILD_SET ? Op.SET_ADD : Op.LIST_APPEND, 1);
                } else {
                    pending++;
                }
            }
        }
        if (!built) {
            b.emit(buildOp, pending);
        }
    }

    /**
     * The frozenset constant CPython makes of a set display whose elements are all constants. Its compiler builds
     * the frozenset in source order, then files it in the module's constant cache as a second frozenset built in the
     * first one's iteration order (colliding elements can change places); an equal frozenset met later in the
     * module reuses the one cached first.
     */
    private PySet frozensetConstant(List<Expr> elts) {
        PySet first = new PySet(true);
        java.util.Set<Object> key = new java.util.HashSet<>();
        for (Expr x : elts) {
            Object v = constantValue(x);
            first.add(v);
            key.add(constantKey(v));
        }
        return frozensetConstants.computeIfAbsent(key, k -> {
            PySet merged = new PySet(true);
            for (Object v : first.elements()) {
                merged.add(v);
            }
            return merged;
        });
    }

    /** Tells apart constants Python finds equal ({@code 1}, {@code 1.0}, {@code True}), as CPython's cache does. */
    private static Object constantKey(Object v) {
        if (v instanceof PyTuple t) {
            List<Object> items = new ArrayList<>();
            for (Object item : t.items) {
                items.add(constantKey(item));
            }
            return items;
        }
        return v;
    }

    /** A set display that CPython folds to a frozenset constant where it is only iterated ({@code for x in {...}}). */
    private boolean iteratedConstantSet(Expr iter) {
        if (iter instanceof Expr.SetExpr s && s.elements().stream().allMatch(Compiler::isConstant)) {
            CodeBuilder b = b();
            b.span = s.span();
            b.emit(Op.LOAD_CONST, b.constant(frozensetConstant(s.elements())));
            return true;
        }
        return false;
    }

    /** The iterable of a loop or comprehension. */
    private void iterable(Expr iter) {
        if (!iteratedConstantSet(iter)) {
            expr(iter);
        }
    }

    private static boolean isConstant(Expr e) {
        return e instanceof Expr.Int || e instanceof Expr.Float || e instanceof Expr.Str
                || e instanceof Expr.Constant c && c.value() != Expr.Singleton.ELLIPSIS
                || e instanceof Expr.TupleExpr t && t.elements().stream().allMatch(Compiler::isConstant)
                || e instanceof Expr.UnaryOp u && u.op() == Expr.UnaryOpKind.USUB
                && (u.operand() instanceof Expr.Int || u.operand() instanceof Expr.Float);
    }

    private static Object constantValue(Expr e) {
        return switch (e) {
            case Expr.Int i -> Py.normalize(i.value());
            case Expr.Float f -> f.value();
            case Expr.Str s -> s.value();
            case Expr.Constant c -> switch (c.value()) {
                case NONE -> Py.None;
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case ELLIPSIS -> Py.Ellipsis;
            };
            case Expr.TupleExpr t -> PyTuple.of(t.elements().stream().map(Compiler::constantValue).toArray());
            case Expr.UnaryOp u -> Ops.negate(constantValue(u.operand()));
            default -> throw new IllegalArgumentException();
        };
    }

    private void dict(Expr.DictExpr d) {
        CodeBuilder b = b();
        boolean unpack = d.keys().stream().anyMatch(k -> k == null);
        if (!unpack) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
            b.span = d.span();
            b.emit(Op.BUILD_MAP, d.keys().size());
            return;
        }
        b.span = d.span();
        b.emit(Op.BUILD_MAP, 0);
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            if (k == null) {
                expr(d.values().get(i));
                b.span = d.span();
                b.emit(Op.DICT_UPDATE, 1);
            } else {
                expr(k);
                expr(d.values().get(i));
                b.span = d.span();
                b.emit(Op.MAP_ADD, 1);
            }
        }
    }

    private void call(Expr.Call c) {
        checkCaller(c);
        CodeBuilder b = b();
        Expr fn = c.function();
        boolean starArgs = c.args().stream().anyMatch(a -> a instanceof Expr.Starred)
                || c.keywords().stream().anyMatch(k -> k.name() == null);
        if (fn instanceof Expr.Name n && n.id().equals("super") && c.args().isEmpty() && c.keywords().isEmpty()
                && isZeroArgSuper()) {
            superCall(c);
            return;
        }
        if (!starArgs && fn instanceof Expr.Attribute a) {
            expr(a.value());
            b.span = a.span();
            b.emit(Op.LOAD_METHOD, b.name(a.attribute()));
        } else {
            expr(fn);
            b.span = c.span();
            b.emit(Op.PUSH_NULL);
        }
        if (starArgs) {
            if (c.args().size() == 1 && c.args().getFirst() instanceof Expr.Starred only) {
                // f(*x): CALL_EX itself turns x into the arguments (and names f when x is not iterable)
                expr(only.value());
            } else {
                sequence(c.args(), Op.BUILD_LIST, c.span());
                b.emit(Op.LIST_TO_TUPLE);
            }
            boolean hasKw = !c.keywords().isEmpty();
            if (hasKw) {
                b.emit(Op.BUILD_MAP, 0);
                boolean merged = false;
                List<Node.Keyword> kws = c.keywords();
                for (int i = 0; i < kws.size(); i++) {
                    Node.Keyword k = kws.get(i);
                    if (k.name() == null) {
                        expr(k.value());
                        b.span = c.span();
                        b.emit(Op.DICT_MERGE, 1);
                        merged = true;
                    } else if (!merged) {
                        b.emit(Op.LOAD_CONST, b.constant(k.name()));
                        expr(k.value());
                        b.span = c.span();
                        b.emit(Op.MAP_ADD, 1);
                    } else {
                        // named keywords after a ** are gathered in a dict of their own and merged, so a
                        // repeated name is reported
                        b.emit(Op.BUILD_MAP, 0);
                        for (; i < kws.size() && kws.get(i).name() != null; i++) {
                            b.emit(Op.LOAD_CONST, b.constant(kws.get(i).name()));
                            expr(kws.get(i).value());
                            b.span = c.span();
                            b.emit(Op.MAP_ADD, 1);
                        }
                        i--;
                        b.span = c.span();
                        b.emit(Op.DICT_MERGE, 1);
                    }
                }
            }
            b.span = c.span();
            b.emit(Op.CALL_EX, hasKw ? 1 : 0);
            return;
        }
        for (Expr a : c.args()) {
            expr(a);
        }
        if (c.keywords().isEmpty()) {
            b.span = c.span();
            b.emit(Op.CALL, c.args().size());
            return;
        }
        String[] names = new String[c.keywords().size()];
        for (int i = 0; i < names.length; i++) {
            Node.Keyword k = c.keywords().get(i);
            names[i] = k.name();
            expr(k.value());
        }
        b.span = c.span();
        b.emit(Op.LOAD_CONST, b.constant(names));
        b.emit(Op.CALL_KW, c.args().size() + names.length);
    }

    private boolean isZeroArgSuper() {
        Scope fs = curScope.frameScope();
        return fs.isFunctionLike() && fs.kind != Kind.GENEXPR && fs.binding("__class__") == Binding.FREE
                && !fs.params.isEmpty();
    }

    private void superCall(Expr.Call c) {
        CodeBuilder b = b();
        Scope fs = curScope.frameScope();
        b.span = c.function().span();
        nameOp("super", Access.LOAD, curScope);
        b.emit(Op.PUSH_NULL);
        derefOp("__class__", Access.LOAD, fs);
        String first = fs.params.get(0);
        nameOp(first, Access.LOAD, fs);
        b.span = c.span();
        b.emit(Op.CALL, 2);
    }

    private void joinedStr(Expr.JoinedStr j) {
        CodeBuilder b = b();
        int n = 0;
        for (Expr part : j.values()) {
            if (part instanceof Expr.Str s) {
                b.span = j.span();
                b.emit(Op.LOAD_CONST, b.constant(s.value()));
            } else {
                expr(part);
            }
            n++;
        }
        b.span = j.span();
        if (n == 0) {
            b.emit(Op.LOAD_CONST, b.constant(""));
        } else if (n > 1 || !(j.values().get(0) instanceof Expr.FormattedValue) && !(j.values().get(0)
                instanceof Expr.Str)) {
            b.emit(Op.BUILD_STRING, n);
        }
    }

    private void formattedValue(Expr.FormattedValue fv) {
        CodeBuilder b = b();
        expr(fv.value());
        int flags = switch (fv.conversion()) {
            case 's' -> 1;
            case 'r' -> 2;
            case 'a' -> 3;
            default -> 0;
        };
        if (fv.formatSpec() != null) {
            Expr spec = fv.formatSpec();
            if (spec instanceof Expr.JoinedStr js) {
                joinedStr(js);
                if (js.values().size() == 1 && js.values().get(0) instanceof Expr.FormattedValue) {
                    // a lone field already produced a string
                }
            } else {
                expr(spec);
            }
            flags |= 4;
        }
        b.span = fv.span();
        b.emit(Op.FORMAT_VALUE, flags);
    }

    // --- comprehensions ------------------------------------------------------------------------------------------

    private void inlineComprehension(Expr node, List<Node.Comprehension> gens, int buildOp, List<Expr> elements) {
        CodeBuilder b = b();
        Scope cs = st.scopeOf(node);
        b.span = node.span();
        // fresh cells for comprehension variables captured by closures
        Map<String, Integer> cells = u.hiddenCells.get(cs);
        if (cells != null) {
            for (int slot : cells.values()) {
                b.emit(Op.MAKE_CELL, slot);
            }
        }
        b.emit(buildOp, 0);
        iterable(gens.get(0).iter());
        Scope saved = curScope;
        curScope = cs;
        comprehensionLevel(node, gens, 0, buildOp, elements, 1);
        curScope = saved;
    }

    private void comprehensionLevel(Expr node, List<Node.Comprehension> gens, int level, int buildOp,
                                    List<Expr> elements, int depthToCollection) {
        CodeBuilder b = b();
        Node.Comprehension g = gens.get(level);
        if (g.isAsync() && !curScope.frameScope().coroutine && curScope.frameScope().kind != Kind.GENEXPR) {
            throw error("asynchronous comprehension outside of an asynchronous function", node.span());
        }
        if (level > 0) {
            iterable(g.iter());
        }
        // CPython 3.12 places a comprehension's GET_ITER and FOR_ITER at the whole comprehension
        b.span = node.span();
        int top = b.newLabel();
        int end = b.newLabel();
        int depth = b.depth;
        if (g.isAsync()) {
            b.emit(Op.GET_AITER);
            b.place(top);
            b.pushHandler(end, depth);
            b.emit(Op.GET_ANEXT);
            awaitLoop(node.span());
            b.popHandler();
        } else {
            b.emit(Op.GET_ITER);
            b.place(top);
            b.emitJump(Op.FOR_ITER, end);
        }
        store(g.target());
        for (Expr cond : g.ifs()) {
            jumpIf(cond, false, top);
        }
        if (level + 1 < gens.size()) {
            comprehensionLevel(node, gens, level + 1, buildOp, elements, depthToCollection + 1);
        } else {
            for (Expr el : elements) {
                expr(el);
            }
            b.span = node.span();
            if (buildOp == Op.BUILD_LIST) {
                b.emit(Op.LIST_APPEND, depthToCollection + 1 - 1 + 1);
            } else if (buildOp == Op.BUILD_SET) {
                b.emit(Op.SET_ADD, depthToCollection + 1);
            } else if (buildOp == Op.BUILD_MAP) {
                b.emit(Op.MAP_ADD, depthToCollection + 1);
            } else {
                b.emit(Op.YIELD_VALUE, 0);
                b.emit(Op.POP_TOP);
            }
        }
        b.span = node.span();
        b.emitJump(Op.JUMP, top);
        b.place(end);
        if (g.isAsync()) {
            // StopAsyncIteration ends the loop: [aiter, exc] -> []
            b.depth = depth + 1;
            b.emit(Op.END_ASYNC_FOR);
        } else {
            b.depth -= 1;
        }
    }

    private void generatorExp(Expr.GeneratorExp g) {
        CodeBuilder b = b();
        Scope gs = st.scopeOf(g);
        b.span = g.span();
        List<Node.Comprehension> gens = g.generators();
        // the first iterable is evaluated here and passed as the argument
        int flags = 0;
        Code code = compileFunctionBody(gs, null, "<genexpr>", g.span().line(), () -> {
            CodeBuilder nb = u.b;
            nb.span = g.span();
            nb.emit(Op.LOAD_FAST, 0);
            genexprLevel(g, gens, 0);
            nb.span = g.span();
            nb.emit(Op.RETURN_CONST, nb.constant(Py.None));
        });
        b.span = g.span();
        if (code.freeVars.length > 0) {
            for (String fv : code.freeVars) {
                b.emit(Op.LOAD_CLOSURE, cellIndex(fv, curScope));
            }
            b.emit(Op.BUILD_TUPLE, code.freeVars.length);
            flags |= 8;
        }
        b.emit(Op.LOAD_CONST, b.constant(code));
        b.emit(Op.MAKE_FUNCTION, flags);
        b.emit(Op.PUSH_NULL);
        iterable(gens.get(0).iter());
        b.span = g.span();
        b.emit(gens.get(0).isAsync() ? Op.GET_AITER : Op.GET_ITER);
        b.emit(Op.CALL, 1);
    }

    private void genexprLevel(Expr.GeneratorExp g, List<Node.Comprehension> gens, int level) {
        CodeBuilder b = b();
        Node.Comprehension c = gens.get(level);
        if (level > 0) {
            iterable(c.iter());
            b.span = g.span();
            b.emit(c.isAsync() ? Op.GET_AITER : Op.GET_ITER);
        }
        int top = b.newLabel();
        int end = b.newLabel();
        int depth = b.depth;
        b.place(top);
        b.span = g.span();
        if (c.isAsync()) {
            b.pushHandler(end, depth);
            b.emit(Op.GET_ANEXT);
            awaitLoop(g.span());
            b.popHandler();
        } else {
            b.emitJump(Op.FOR_ITER, end);
        }
        store(c.target());
        for (Expr cond : c.ifs()) {
            jumpIf(cond, false, top);
        }
        if (level + 1 < gens.size()) {
            genexprLevel(g, gens, level + 1);
        } else {
            expr(g.element());
            b.span = g.element().span();
            b.emit(Op.YIELD_VALUE, 0);
            b.emit(Op.POP_TOP);
        }
        b.span = g.span();
        b.emitJump(Op.JUMP, top);
        b.place(end);
        if (c.isAsync()) {
            b.depth = depth + 1;
            b.emit(Op.END_ASYNC_FOR);
        } else {
            b.depth -= 1;
        }
    }
}
