package dev.loopscope.python.compiler;

import dev.loopscope.python.compiler.Scope.Binding;
import dev.loopscope.python.compiler.Scope.Kind;
import dev.loopscope.python.syntax.Expr;
import dev.loopscope.python.syntax.Node;
import dev.loopscope.python.syntax.Span;
import dev.loopscope.python.syntax.Stmt;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the scopes of a module and decides, for every name in every scope, whether it is a fast local, a cell,
 * a free variable, a global or a namespace lookup, with CPython's rules (classes do not enclose, comprehensions
 * are inlined as in 3.12, {@code super()} captures {@code __class__}).
 */
final class Symtable {

    final Map<Node, Scope> scopes = new IdentityHashMap<>();
    final Scope module;
    private final String fileName;

    Symtable(Node.Module m, String fileName) {
        this.fileName = fileName;
        module = new Scope(Kind.MODULE, "<module>", null, m);
        module.qualname = "";
        scopes.put(m, module);
        for (Stmt s : m.body()) {
            stmt(s, module);
        }
        analyze(module, new HashSet<>());
    }

    Scope scopeOf(Node n) {
        return scopes.get(n);
    }

    private CompileError error(String msg, Span span) {
        return new CompileError(msg, span);
    }

    private String childQualname(Scope parent, String name) {
        if (parent.kind == Kind.MODULE) {
            return name;
        }
        if (parent.kind == Kind.CLASS) {
            return parent.qualname + "." + name;
        }
        if (parent.kind == Kind.COMPREHENSION) {
            return childQualname(parent.frameScope(), name);
        }
        return parent.qualname + ".<locals>." + name;
    }

    private Scope newScope(Kind kind, String name, Scope parent, Node node) {
        Scope s = new Scope(kind, name, parent, node);
        s.qualname = childQualname(parent, name);
        scopes.put(node, s);
        return s;
    }

    // --- collection ----------------------------------------------------------------------------------------------

    private void bind(Scope s, String name) {
        s.assigned.add(name);
    }

    private void stmts(List<Stmt> body, Scope s) {
        for (Stmt st : body) {
            stmt(st, s);
        }
    }

    private void stmt(Stmt st, Scope s) {
        switch (st) {
            case Stmt.FunctionDef f -> {
                for (Expr d : f.decorators()) {
                    expr(d, s);
                }
                arguments(f.args(), s);
                if (f.returns() != null) {
                    expr(f.returns(), s);
                }
                bind(s, f.name());
                Scope fs = newScope(Kind.FUNCTION, f.name(), s, f);
                fs.coroutine = f.isAsync();
                params(f.args(), fs);
                stmts(f.body(), fs);
            }
            case Stmt.ClassDef c -> {
                for (Expr d : c.decorators()) {
                    expr(d, s);
                }
                for (Expr b : c.bases()) {
                    expr(b, s);
                }
                for (Node.Keyword k : c.keywords()) {
                    expr(k.value(), s);
                }
                bind(s, c.name());
                Scope cs = newScope(Kind.CLASS, c.name(), s, c);
                stmts(c.body(), cs);
            }
            case Stmt.Return r -> {
                if (r.value() != null) {
                    expr(r.value(), s);
                }
            }
            case Stmt.Delete d -> {
                for (Expr t : d.targets()) {
                    target(t, s);
                }
            }
            case Stmt.Assign a -> {
                expr(a.value(), s);
                for (Expr t : a.targets()) {
                    target(t, s);
                }
            }
            case Stmt.AugAssign a -> {
                expr(a.value(), s);
                if (a.target() instanceof Expr.Name n) {
                    s.used.add(n.id());
                }
                target(a.target(), s);
            }
            case Stmt.AnnAssign a -> {
                if (a.value() != null) {
                    expr(a.value(), s);
                }
                if (s.kind == Kind.MODULE || s.kind == Kind.CLASS) {
                    expr(a.annotation(), s);
                }
                if (a.target() instanceof Expr.Name n) {
                    if (a.value() != null || s.isFunctionLike()) {
                        bind(s, n.id());
                    }
                } else {
                    target(a.target(), s);
                }
            }
            case Stmt.For f -> {
                expr(f.iter(), s);
                target(f.target(), s);
                stmts(f.body(), s);
                stmts(f.orElse(), s);
            }
            case Stmt.While w -> {
                expr(w.test(), s);
                stmts(w.body(), s);
                stmts(w.orElse(), s);
            }
            case Stmt.If i -> {
                expr(i.test(), s);
                stmts(i.body(), s);
                stmts(i.orElse(), s);
            }
            case Stmt.With w -> {
                for (Node.WithItem item : w.items()) {
                    expr(item.context(), s);
                    if (item.target() != null) {
                        target(item.target(), s);
                    }
                }
                stmts(w.body(), s);
            }
            case Stmt.Raise r -> {
                if (r.exc() != null) {
                    expr(r.exc(), s);
                }
                if (r.cause() != null) {
                    expr(r.cause(), s);
                }
            }
            case Stmt.Try t -> {
                stmts(t.body(), s);
                for (Node.ExceptHandler h : t.handlers()) {
                    if (h.type() != null) {
                        expr(h.type(), s);
                    }
                    if (h.name() != null) {
                        bind(s, h.name());
                    }
                    stmts(h.body(), s);
                }
                stmts(t.orElse(), s);
                stmts(t.finalBody(), s);
            }
            case Stmt.Assert a -> {
                expr(a.test(), s);
                if (a.message() != null) {
                    expr(a.message(), s);
                }
            }
            case Stmt.Import im -> {
                for (Node.Alias al : im.names()) {
                    String n = al.asName() != null ? al.asName() : al.name().split("\\.")[0];
                    bind(s, n);
                }
            }
            case Stmt.ImportFrom im -> {
                for (Node.Alias al : im.names()) {
                    if (!al.name().equals("*")) {
                        bind(s, al.asName() != null ? al.asName() : al.name());
                    } else if (s.kind != Kind.MODULE) {
                        throw error("import * only allowed at module level", al.span());
                    }
                }
            }
            case Stmt.Global g -> {
                for (String n : g.names()) {
                    if (s.params.contains(n)) {
                        throw error("name '" + n + "' is parameter and global", g.span());
                    }
                    if (s.nonlocals.contains(n)) {
                        throw error("name '" + n + "' is nonlocal and global", g.span());
                    }
                    if (s.assigned.contains(n)) {
                        throw error("name '" + n + "' is assigned to before global declaration", g.span());
                    }
                    if (s.used.contains(n)) {
                        throw error("name '" + n + "' is used prior to global declaration", g.span());
                    }
                    s.globals.add(n);
                }
            }
            case Stmt.Nonlocal nl -> {
                if (s.kind == Kind.MODULE) {
                    throw error("nonlocal declaration not allowed at module level", nl.span());
                }
                for (String n : nl.names()) {
                    if (s.params.contains(n)) {
                        throw error("name '" + n + "' is parameter and nonlocal", nl.span());
                    }
                    if (s.globals.contains(n)) {
                        throw error("name '" + n + "' is nonlocal and global", nl.span());
                    }
                    if (s.assigned.contains(n)) {
                        throw error("name '" + n + "' is assigned to before nonlocal declaration", nl.span());
                    }
                    if (s.used.contains(n)) {
                        throw error("name '" + n + "' is used prior to nonlocal declaration", nl.span());
                    }
                    s.nonlocals.add(n);
                    nonlocalSpans.put(s.name + "\0" + n + "\0" + System.identityHashCode(s), nl.span());
                }
            }
            case Stmt.ExprStmt e -> expr(e.value(), s);
            case Stmt.Pass p -> {
            }
            case Stmt.Break b -> {
            }
            case Stmt.Continue c -> {
            }
            case Stmt.Unsupported u -> {
            }
        }
    }

    private void arguments(Node.Arguments a, Scope s) {
        for (Expr d : a.defaults()) {
            expr(d, s);
        }
        for (Expr d : a.kwDefaults()) {
            if (d != null) {
                expr(d, s);
            }
        }
        if (s.kind == Kind.MODULE || s.kind == Kind.CLASS || s.isFunctionLike()) {
            for (Node.Arg arg : allArgs(a)) {
                if (arg.annotation() != null) {
                    expr(arg.annotation(), s);
                }
            }
        }
    }

    static List<Node.Arg> allArgs(Node.Arguments a) {
        java.util.ArrayList<Node.Arg> out = new java.util.ArrayList<>();
        out.addAll(a.posOnly());
        out.addAll(a.args());
        out.addAll(a.kwOnly());
        if (a.varArg() != null) {
            out.add(a.varArg());
        }
        if (a.kwArg() != null) {
            out.add(a.kwArg());
        }
        return out;
    }

    private void params(Node.Arguments a, Scope fs) {
        for (Node.Arg arg : allArgs(a)) {
            if (fs.params.contains(arg.name())) {
                throw error("duplicate argument '" + arg.name() + "' in function definition", arg.span());
            }
            fs.params.add(arg.name());
            bind(fs, arg.name());
        }
    }

    private void target(Expr t, Scope s) {
        switch (t) {
            case Expr.Name n -> bind(s, n.id());
            case Expr.TupleExpr tu -> tu.elements().forEach(e -> target(e, s));
            case Expr.ListExpr li -> li.elements().forEach(e -> target(e, s));
            case Expr.Starred st -> target(st.value(), s);
            case Expr.Attribute at -> expr(at.value(), s);
            case Expr.Subscript sub -> {
                expr(sub.value(), s);
                expr(sub.index(), s);
            }
            default -> expr(t, s);
        }
    }

    private void expr(Expr e, Scope s) {
        switch (e) {
            case Expr.Name n -> {
                s.used.add(n.id());
                if ((n.id().equals("super") || n.id().equals("__class__")) && s.isFunctionLike()) {
                    Scope f = s;
                    while (f.kind == Kind.COMPREHENSION) {
                        f = f.parent;
                    }
                    f.usesSuperOrClass = true;
                }
            }
            case Expr.NamedExpr ne -> {
                expr(ne.value(), s);
                Scope target = s;
                while (target.kind == Kind.COMPREHENSION || target.kind == Kind.GENEXPR) {
                    target = target.parent;
                }
                if (target != s && target.kind == Kind.CLASS) {
                    throw error("assignment expression within a comprehension cannot be used in a class body",
                            ne.target().span());
                }
                String name = ((Expr.Name) ne.target()).id();
                bind(target, name);
                if (target != s) {
                    s.used.add(name);
                    walrusTargets.computeIfAbsent(s, k -> new HashSet<>()).add(name);
                }
            }
            case Expr.Lambda l -> {
                arguments(l.args(), s);
                Scope ls = newScope(Kind.LAMBDA, "<lambda>", s, l);
                params(l.args(), ls);
                expr(l.body(), ls);
            }
            case Expr.ListComp c -> comprehension(c, c.generators(), s, Kind.COMPREHENSION, "<listcomp>",
                    List.of(c.element()));
            case Expr.SetComp c -> comprehension(c, c.generators(), s, Kind.COMPREHENSION, "<setcomp>",
                    List.of(c.element()));
            case Expr.DictComp c -> comprehension(c, c.generators(), s, Kind.COMPREHENSION, "<dictcomp>",
                    List.of(c.key(), c.value()));
            case Expr.GeneratorExp c -> comprehension(c, c.generators(), s, Kind.GENEXPR, "<genexpr>",
                    List.of(c.element()));
            case Expr.Yield y -> {
                markGenerator(s, y.span());
                if (y.value() != null) {
                    expr(y.value(), s);
                }
            }
            case Expr.YieldFrom y -> {
                markGenerator(s, y.span());
                expr(y.value(), s);
            }
            case Expr.Await a -> {
                markAsyncGenexpr(s);
                expr(a.value(), s);
            }
            default -> {
                for (Node child : dev.loopscope.python.syntax.Nodes.children(e)) {
                    if (child instanceof Expr ce) {
                        expr(ce, s);
                    } else if (child instanceof Node.Keyword k) {
                        expr(k.value(), s);
                    } else if (child instanceof Node.Comprehension) {
                        throw new IllegalStateException("unexpected comprehension");
                    }
                }
            }
        }
    }

    final Map<Scope, Set<String>> walrusTargets = new IdentityHashMap<>();
    private final Map<String, Span> nonlocalSpans = new java.util.HashMap<>();

    /**
     * An await or {@code async for} in scope {@code s}: when its frame is a generator expression's, that generator
     * expression is asynchronous (an async generator); comprehensions run inline in the frame that holds them.
     */
    private static void markAsyncGenexpr(Scope s) {
        Scope f = s;
        while (f.kind == Kind.COMPREHENSION) {
            f = f.parent;
        }
        if (f.kind == Kind.GENEXPR) {
            f.coroutine = true;
        }
    }

    private void markGenerator(Scope s, Span span) {
        if (s.kind == Kind.MODULE || s.kind == Kind.CLASS) {
            throw error("'yield' outside function", span);
        }
        if (s.kind == Kind.COMPREHENSION || s.kind == Kind.GENEXPR) {
            String what = switch (s.name) {
                case "<genexpr>" -> "generator expression";
                case "<setcomp>" -> "set comprehension";
                case "<dictcomp>" -> "dict comprehension";
                default -> "list comprehension";
            };
            throw error("'yield' inside " + what, span);
        }
        s.generator = true;
    }

    private void comprehension(Expr node, List<Node.Comprehension> gens, Scope s, Kind kind, String name,
                               List<Expr> elements) {
        // the first iterable is evaluated in the enclosing scope
        expr(gens.get(0).iter(), s);
        Scope cs = newScope(kind, name, s, node);
        if (kind == Kind.GENEXPR) {
            cs.params.add(".0");
            bind(cs, ".0");
            cs.generator = true;
        }
        for (int i = 0; i < gens.size(); i++) {
            Node.Comprehension g = gens.get(i);
            if (g.isAsync()) {
                markAsyncGenexpr(cs);
            }
            if (i > 0) {
                expr(g.iter(), cs);
            }
            target(g.target(), cs);
            for (Expr cond : g.ifs()) {
                expr(cond, cs);
            }
        }
        for (Expr el : elements) {
            expr(el, cs);
        }
    }

    // --- analysis ------------------------------------------------------------------------------------------------

    /** Resolves the bindings of {@code s} given the names bound by enclosing function scopes. */
    private void analyze(Scope s, Set<String> boundAbove) {
        Set<String> walrus = walrusTargets.getOrDefault(s, Set.of());
        Set<String> local = new LinkedHashSet<>();
        for (String n : s.assigned) {
            if (!s.globals.contains(n) && !s.nonlocals.contains(n)) {
                local.add(n);
            }
        }
        for (String n : s.nonlocals) {
            if (!boundAbove.contains(n)) {
                Span at = nonlocalSpans.get(s.name + "\0" + n + "\0" + System.identityHashCode(s));
                throw error("no binding for nonlocal '" + n + "' found", at != null ? at : s.node.span());
            }
        }
        Set<String> childBound;
        if (s.kind == Kind.MODULE) {
            childBound = new HashSet<>();
        } else if (s.kind == Kind.CLASS) {
            childBound = new HashSet<>(boundAbove);
            childBound.removeAll(s.globals);
        } else {
            childBound = new HashSet<>(boundAbove);
            childBound.addAll(local);
            childBound.addAll(s.nonlocals);
            childBound.removeAll(s.globals);
        }
        Set<String> needed = new LinkedHashSet<>();
        for (Scope c : s.children) {
            analyze(c, c.kind == Kind.COMPREHENSION && s.kind == Kind.CLASS ? boundAbove : childBound);
            // an inlined comprehension reads this scope's variables directly; only what its own nested
            // functions capture has to live in cells
            if (c.kind == Kind.COMPREHENSION && s.isFunctionLike()) {
                for (String n : c.frees) {
                    if (!local.contains(n) || c.childFrees.contains(n)) {
                        needed.add(n);
                    }
                }
            } else {
                needed.addAll(c.frees);
            }
        }
        if (s.usesSuperOrClass && s.kind != Kind.CLASS) {
            s.used.add("__class__");
        }
        // names this scope reads from enclosing functions
        for (String n : s.used) {
            if (local.contains(n) || s.globals.contains(n) || walrus.contains(n)) {
                continue;
            }
            if (s.nonlocals.contains(n) || boundAbove.contains(n)) {
                s.frees.add(n);
            } else if (n.equals("__class__") && hasEnclosingClass(s)) {
                s.frees.add(n);
            }
        }
        for (String n : walrus) {
            if (boundAbove.contains(n) || s.kind == Kind.COMPREHENSION) {
                s.frees.add(n);
            }
        }
        s.frees.addAll(s.nonlocals);
        for (String n : needed) {
            if (s.kind == Kind.CLASS && n.equals("__class__")) {
                s.needsClassCell = true;
                s.cells.add("__class__");
                continue;
            }
            if (s.isFunctionLike() && local.contains(n)) {
                s.cells.add(n);
            } else if (s.kind != Kind.MODULE && !s.globals.contains(n)) {
                s.frees.add(n);
            }
        }
        for (String n : needed) {
            if (!local.contains(n) && !n.equals("__class__") || s.kind != Kind.CLASS && n.equals("__class__")) {
                s.childFrees.add(n);
            }
        }
        for (String n : local) {
            Binding b;
            if (s.kind == Kind.MODULE) {
                b = Binding.NAME;
            } else if (s.kind == Kind.CLASS) {
                b = Binding.NAME;
            } else {
                b = s.cells.contains(n) ? Binding.CELL : Binding.LOCAL;
            }
            s.bindings.put(n, b);
        }
        for (String n : s.frees) {
            if (!local.contains(n)) {
                s.bindings.put(n, Binding.FREE);
            }
        }
        if (s.kind == Kind.CLASS && s.needsClassCell) {
            s.bindings.put("__class__", Binding.CELL);
        }
        for (String n : s.globals) {
            s.bindings.put(n, Binding.GLOBAL_EXPLICIT);
        }
        for (String n : s.used) {
            if (!s.bindings.containsKey(n)) {
                s.bindings.put(n, s.kind == Kind.MODULE || s.kind == Kind.CLASS ? Binding.NAME
                        : Binding.GLOBAL_IMPLICIT);
            }
        }
    }

    private static boolean hasEnclosingClass(Scope s) {
        for (Scope p = s.parent; p != null; p = p.parent) {
            if (p.kind == Kind.CLASS) {
                return true;
            }
        }
        return false;
    }

    /** A problem found while compiling, reported as CPython's SyntaxError. */
    static final class CompileError extends RuntimeException {
        final Span span;

        CompileError(String message, Span span) {
            super(message, null, false, false);
            this.span = span;
        }
    }

    String fileName() {
        return fileName;
    }
}
