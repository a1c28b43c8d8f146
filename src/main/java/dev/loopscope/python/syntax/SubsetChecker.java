package dev.loopscope.python.syntax;

import dev.loopscope.python.syntax.SyntaxProblem.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether Loopscope can run a parsed module. Two kinds of findings:
 * <ul>
 *   <li>{@link #check}: every construct outside the subset the interpreter runs (see src/docs/python-subset.md),
 *   each as a positioned {@link Kind#UNSUPPORTED} problem;</li>
 *   <li>{@link #compileError}: the first of the errors CPython's compiler (not its parser) raises before
 *   running anything, such as "'return' outside function", as a {@link Kind#SYNTAX_ERROR}.</li>
 * </ul>
 */
public final class SubsetChecker {

    private enum Scope { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA }

    private final String fileName;
    private final String[] lines;
    private final List<SyntaxProblem> refusals = new ArrayList<>();
    private SyntaxProblem compileError;

    private SubsetChecker(Node.Module module) {
        this.fileName = module.fileName();
        this.lines = module.source().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Nodes.walk(module, node -> {
            if (node instanceof Stmt.Assign a && isNamedtupleCall(a.value())) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n) {
                        namedtupleClasses.add(n.id());
                    }
                }
            }
        });
    }

    /** Names the program binds to classes made by {@code namedtuple(...)}: tuples, which cannot be extended. */
    private final java.util.Set<String> namedtupleClasses = new java.util.HashSet<>();

    private static boolean isNamedtupleCall(Expr e) {
        return e instanceof Expr.Call c && (c.function() instanceof Expr.Name n && n.id().equals("namedtuple")
                || c.function() instanceof Expr.Attribute at && at.attribute().equals("namedtuple"));
    }

    /** Every construct of {@code module} that Loopscope does not run, in source order. */
    public static List<SyntaxProblem> check(Node.Module module) {
        SubsetChecker c = new SubsetChecker(module);
        c.walkBody(module.body(), new Context(Scope.MODULE, false, null));
        return List.copyOf(c.refusals);
    }

    /** The first error CPython's compiler would raise for {@code module}, if any. */
    public static Optional<SyntaxProblem> compileError(Node.Module module) {
        SubsetChecker c = new SubsetChecker(module);
        c.walkBody(module.body(), new Context(Scope.MODULE, false, null));
        return Optional.ofNullable(c.compileError);
    }

    /** Where a node sits: the enclosing scope, whether a loop encloses it there, and a comprehension kind. */
    private record Context(Scope scope, boolean inLoop, String comprehension) {
        Context loop() {
            return new Context(scope, true, comprehension);
        }

        boolean inFunction() {
            return scope == Scope.FUNCTION || scope == Scope.ASYNC_FUNCTION || scope == Scope.LAMBDA;
        }
    }

    /** Builtin classes whose instances Loopscope keeps as plain values, so that Python subclasses cannot extend. */
    private static final java.util.Set<String> VALUE_TYPES = java.util.Set.of("int", "float", "str", "bytes",
            "tuple", "frozenset", "complex");

    private void builtinBase(Expr base) {
        if (base instanceof Expr.Name n && VALUE_TYPES.contains(n.id())) {
            refuse(base, "subclasses of `" + n.id() + "` are not supported by Loopscope (subclass `object`, `list`, "
                    + "`dict` or `set` instead)");
        } else if (isNamedtupleCall(base) || base instanceof Expr.Name n && namedtupleClasses.contains(n.id())) {
            refuse(base, "subclasses of a `namedtuple` class are not supported by Loopscope");
        } else if (base instanceof Expr.Name n && n.id().equals("deque")
                || base instanceof Expr.Attribute at && at.attribute().equals("deque")) {
            refuse(base, "subclasses of `collections.deque` are not supported by Loopscope");
        } else if (base instanceof Expr.Name n && n.id().equals("type")) {
            refuse(base, "metaclasses (subclasses of `type`) are not supported by Loopscope");
        }
    }

    private void refuse(Node node, String message) {
        refuse(node.span(), message);
    }

    private void refuse(Span span, String message) {
        refusals.add(SyntaxProblem.at(Kind.UNSUPPORTED, message, fileName, span, line(span.line())));
    }

    private void compile(Node node, String message) {
        if (compileError == null) {
            Span s = node.span();
            compileError = SyntaxProblem.at(Kind.SYNTAX_ERROR, message, fileName, s, line(s.line()));
        }
    }

    private String line(int number) {
        return number >= 1 && number <= lines.length ? lines[number - 1] : null;
    }

    // ---------------------------------------------------------------- statements

    private void walkBody(List<Stmt> body, Context ctx) {
        for (Stmt s : body) {
            statement(s, ctx);
        }
    }

    private void statement(Stmt s, Context ctx) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                for (Expr d : f.decorators()) {
                    expression(d, ctx);
                }
                arguments(f.args(), ctx, f);
                if (f.returns() != null) {
                    expression(f.returns(), ctx);
                }
                Context inner = new Context(f.isAsync() ? Scope.ASYNC_FUNCTION : Scope.FUNCTION, false, null);
                walkBody(f.body(), inner);
            }
            case Stmt.ClassDef c -> {
                for (Expr d : c.decorators()) {
                    expression(d, ctx);
                }
                for (Expr b : c.bases()) {
                    builtinBase(b);
                    expression(b, ctx);
                }
                repeatedKeywords(c.keywords());
                for (Node.Keyword k : c.keywords()) {
                    if ("metaclass".equals(k.name())) {
                        refuse(k, "`metaclass=` in a class definition is not supported by Loopscope");
                    } else {
                        refuse(k, "keyword arguments in a class definition are not supported by Loopscope");
                    }
                    expression(k.value(), ctx);
                }
                walkBody(c.body(), new Context(Scope.CLASS, false, null));
            }
            case Stmt.Return r -> {
                if (!ctx.inFunction()) {
                    compile(r, "'return' outside function");
                }
                expression(r.value(), ctx);
            }
            case Stmt.Delete d -> d.targets().forEach(t -> expression(t, ctx));
            case Stmt.Assign a -> {
                for (Expr t : a.targets()) {
                    starredTargets(t);
                    expression(t, ctx);
                }
                if (a.value() instanceof Expr.Starred st) {
                    compile(st, "can't use starred expression here");
                }
                expression(a.value(), ctx);
            }
            case Stmt.AugAssign a -> {
                if (a.op() == Expr.BinOpKind.MAT_MULT) {
                    refuse(a, "the `@=` operator (matrix multiplication) is not supported by Loopscope");
                }
                expression(a.target(), ctx);
                expression(a.value(), ctx);
            }
            case Stmt.AnnAssign a -> {
                expression(a.target(), ctx);
                expression(a.annotation(), ctx);
                expression(a.value(), ctx);
            }
            case Stmt.For f -> {
                if (f.isAsync() && ctx.scope() != Scope.ASYNC_FUNCTION) {
                    compile(f, "'async for' outside async function");
                }
                starredTargets(f.target());
                expression(f.target(), ctx);
                expression(f.iter(), ctx);
                walkBody(f.body(), ctx.loop());
                walkBody(f.orElse(), ctx);
            }
            case Stmt.While w -> {
                expression(w.test(), ctx);
                walkBody(w.body(), ctx.loop());
                walkBody(w.orElse(), ctx);
            }
            case Stmt.If i -> {
                expression(i.test(), ctx);
                walkBody(i.body(), ctx);
                walkBody(i.orElse(), ctx);
            }
            case Stmt.With w -> {
                if (w.isAsync() && ctx.scope() != Scope.ASYNC_FUNCTION) {
                    compile(w, "'async with' outside async function");
                }
                for (Node.WithItem item : w.items()) {
                    expression(item.context(), ctx);
                    expression(item.target(), ctx);
                }
                walkBody(w.body(), ctx);
            }
            case Stmt.Raise r -> {
                expression(r.exc(), ctx);
                expression(r.cause(), ctx);
            }
            case Stmt.Try t -> {
                walkBody(t.body(), ctx);
                for (Node.ExceptHandler h : t.handlers()) {
                    expression(h.type(), ctx);
                    walkBody(h.body(), ctx);
                }
                walkBody(t.orElse(), ctx);
                walkBody(t.finalBody(), ctx);
            }
            case Stmt.Assert a -> {
                expression(a.test(), ctx);
                expression(a.message(), ctx);
            }
            case Stmt.Import i -> {
                for (Node.Alias a : i.names()) {
                    if (SupportedModules.find(a.name()).isEmpty()) {
                        refuse(a, "module '" + a.name() + "' is not available in Loopscope");
                    }
                }
            }
            case Stmt.ImportFrom i -> importFrom(i);
            case Stmt.Global g -> { }
            case Stmt.Nonlocal n -> {
                if (ctx.scope() == Scope.MODULE) {
                    compile(n, "nonlocal declaration not allowed at module level");
                }
            }
            case Stmt.ExprStmt e -> {
                if (e.value() instanceof Expr.Starred st) {
                    compile(st, "can't use starred expression here");
                }
                expression(e.value(), ctx);
            }
            case Stmt.Pass p -> { }
            case Stmt.Break b -> {
                if (!ctx.inLoop()) {
                    compile(b, "'break' outside loop");
                }
            }
            case Stmt.Continue c -> {
                if (!ctx.inLoop()) {
                    compile(c, "'continue' not properly in loop");
                }
            }
            case Stmt.Unsupported u -> refuse(u, switch (u.construct()) {
                case "match" -> "`match` statements are not supported by Loopscope";
                case "type" -> "`type` statements (type aliases) are not supported by Loopscope";
                case "generic function", "generic class" ->
                        "type parameters (`def f[T]`, `class C[T]`) are not supported by Loopscope";
                default -> "`" + u.construct() + "` is not supported by Loopscope";
            });
        }
    }

    private void importFrom(Stmt.ImportFrom i) {
        if (i.level() > 0) {
            refuse(i, "relative imports are not supported by Loopscope: a program is a single file");
            return;
        }
        Optional<SupportedModules.Module> module = SupportedModules.find(i.module());
        if (module.isEmpty()) {
            refuse(i, "module '" + i.module() + "' is not available in Loopscope");
            return;
        }
        for (Node.Alias a : i.names()) {
            if (a.name().equals("*")) {
                refuse(a, "`from " + i.module() + " import *` is not supported by Loopscope: import the names you use");
            } else if (!module.get().allows(a.name())) {
                refuse(a, "'" + a.name() + "' from module '" + i.module() + "' is not available in Loopscope");
            }
        }
    }

    /** CPython's compiler checks on starred assignment targets. */
    private void starredTargets(Expr target) {
        if (target instanceof Expr.Starred s) {
            compile(s, "starred assignment target must be in a list or tuple");
            return;
        }
        List<Expr> elements = target instanceof Expr.TupleExpr t ? t.elements()
                : target instanceof Expr.ListExpr l ? l.elements() : List.of();
        int starred = 0;
        for (Expr e : elements) {
            if (e instanceof Expr.Starred s) {
                starred++;
                if (starred == 2) {
                    compile(s, "multiple starred expressions in assignment");
                }
                starredTargets(s.value() instanceof Expr.TupleExpr || s.value() instanceof Expr.ListExpr
                        ? s.value() : new Expr.Name("_", s.span()));
            } else {
                starredTargets(e);
            }
        }
    }

    private void arguments(Node.Arguments args, Context ctx, Node owner) {
        Set<String> seen = new HashSet<>();
        List<Node.Arg> all = new ArrayList<>(args.posOnly());
        all.addAll(args.args());
        if (args.varArg() != null) {
            all.add(args.varArg());
        }
        all.addAll(args.kwOnly());
        if (args.kwArg() != null) {
            all.add(args.kwArg());
        }
        for (Node.Arg a : all) {
            if (!seen.add(a.name())) {
                compile(a, "duplicate argument '" + a.name() + "' in function definition");
            }
            expression(a.annotation(), ctx);
        }
        args.defaults().forEach(d -> expression(d, ctx));
        args.kwDefaults().forEach(d -> expression(d, ctx));
    }

    // ---------------------------------------------------------------- expressions

    private void expression(Expr e, Context ctx) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Call c) {
            repeatedKeywords(c.keywords());
        }
        switch (e) {
            case Expr.Imaginary i -> refuse(i, "complex numbers (imaginary literals such as `1j`) are not supported "
                    + "by Loopscope");
            case Expr.Bytes b -> refuse(b, "bytes literals are not supported by Loopscope");
            case Expr.BinOp b when b.op() == Expr.BinOpKind.MAT_MULT -> {
                refuse(b, "the `@` operator (matrix multiplication) is not supported by Loopscope");
                expression(b.left(), ctx);
                expression(b.right(), ctx);
            }
            case Expr.Lambda l -> {
                arguments(l.args(), ctx, l);
                expression(l.body(), new Context(Scope.LAMBDA, false, null));
            }
            case Expr.Yield y -> {
                yieldCheck(y, ctx);
                expression(y.value(), ctx);
            }
            case Expr.YieldFrom y -> {
                yieldCheck(y, ctx);
                if (ctx.comprehension() == null && ctx.scope() == Scope.ASYNC_FUNCTION) {
                    compile(y, "'yield from' inside async function");
                }
                expression(y.value(), ctx);
            }
            case Expr.Await a -> {
                if (ctx.comprehension() != null) {
                    // allowed in a comprehension's own scope: the comprehension itself becomes asynchronous
                } else if (ctx.scope() == Scope.MODULE || ctx.scope() == Scope.CLASS) {
                    compile(a, "'await' outside function");
                } else if (ctx.scope() != Scope.ASYNC_FUNCTION) {
                    compile(a, "'await' outside async function");
                }
                expression(a.value(), ctx);
            }
            case Expr.ListComp c -> comprehension(c, c.generators(), List.of(c.element()), "list comprehension", ctx);
            case Expr.SetComp c -> comprehension(c, c.generators(), List.of(c.element()), "set comprehension", ctx);
            case Expr.DictComp c ->
                    comprehension(c, c.generators(), List.of(c.key(), c.value()), "dict comprehension", ctx);
            case Expr.GeneratorExp c ->
                    comprehension(c, c.generators(), List.of(c.element()), "generator expression", ctx);
            default -> {
                for (Node child : Nodes.children(e)) {
                    if (child instanceof Expr ce) {
                        expression(ce, ctx);
                    } else if (child instanceof Node.Keyword k) {
                        expression(k.value(), ctx);
                    }
                }
            }
        }
    }

    /**
     * Whether a comprehension is asynchronous, as CPython's symbol table decides: it has an {@code async for},
     * or an {@code await} in its own scope (not in its first iterable, which the enclosing scope evaluates), or
     * it contains an asynchronous list, set or dict comprehension (an asynchronous generator expression does not
     * make its container asynchronous).
     */
    private static boolean isCoroutine(Expr comp) {
        List<Node.Comprehension> gens = comprehensionGenerators(comp);
        List<Expr> owned = new ArrayList<>();
        switch (comp) {
            case Expr.DictComp d -> {
                owned.add(d.key());
                owned.add(d.value());
            }
            case Expr.ListComp l -> owned.add(l.element());
            case Expr.SetComp c -> owned.add(c.element());
            case Expr.GeneratorExp g -> owned.add(g.element());
            default -> {
            }
        }
        for (int i = 0; i < gens.size(); i++) {
            Node.Comprehension g = gens.get(i);
            if (g.isAsync()) {
                return true;
            }
            owned.add(g.target());
            owned.addAll(g.ifs());
            if (i > 0) {
                owned.add(g.iter());
            }
        }
        return owned.stream().anyMatch(SubsetChecker::awaitsInScope);
    }

    private static List<Node.Comprehension> comprehensionGenerators(Expr e) {
        return switch (e) {
            case Expr.ListComp l -> l.generators();
            case Expr.SetComp c -> c.generators();
            case Expr.DictComp d -> d.generators();
            case Expr.GeneratorExp g -> g.generators();
            default -> null;
        };
    }

    /** Whether {@code e} awaits in the scope it is written in (not in a nested lambda or generator expression). */
    private static boolean awaitsInScope(Expr e) {
        if (e == null || e instanceof Expr.Lambda) {
            return false;
        }
        if (e instanceof Expr.Await) {
            return true;
        }
        List<Node.Comprehension> gens = comprehensionGenerators(e);
        if (gens != null) {
            return awaitsInScope(gens.get(0).iter()) || !(e instanceof Expr.GeneratorExp) && isCoroutine(e);
        }
        for (Node child : Nodes.children(e)) {
            if (child instanceof Expr ce && awaitsInScope(ce)
                    || child instanceof Node.Keyword k && awaitsInScope(k.value())) {
                return true;
            }
        }
        return false;
    }

    /** CPython's compiler refuses a call or class definition that names the same keyword argument twice. */
    private void repeatedKeywords(List<Node.Keyword> keywords) {
        Set<String> seen = new HashSet<>();
        for (Node.Keyword k : keywords) {
            if (k.name() != null && !seen.add(k.name())) {
                compile(k, "keyword argument repeated: " + k.name());
            }
        }
    }

    private void yieldCheck(Expr y, Context ctx) {
        if (ctx.comprehension() != null) {
            compile(y, "'yield' inside " + ctx.comprehension());
        } else if (!ctx.inFunction()) {
            compile(y, "'yield' outside function");
        }
    }

    private void comprehension(Expr comp, List<Node.Comprehension> gens, List<Expr> elements, String kind,
                               Context ctx) {
        boolean generator = comp instanceof Expr.GeneratorExp;
        if (isCoroutine(comp)) {
            if (!generator && ctx.scope() != Scope.ASYNC_FUNCTION && ctx.comprehension() == null) {
                // CPython reports it at the outermost comprehension that is not in an async function
                compile(comp, "asynchronous comprehension outside of an asynchronous function");
            }
        }
        // The first iterable is evaluated in the enclosing scope; the rest inside the comprehension.
        Context inside = new Context(ctx.scope(), false, kind);
        for (int i = 0; i < gens.size(); i++) {
            Node.Comprehension g = gens.get(i);
            expression(g.target(), inside);
            expression(g.iter(), i == 0 ? ctx : inside);
            g.ifs().forEach(x -> expression(x, inside));
        }
        elements.forEach(x -> expression(x, inside));
    }
}
