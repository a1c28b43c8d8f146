package dev.loopscope.python.library;

import dev.loopscope.python.runtime.Builtins;
import dev.loopscope.python.runtime.Interpreter;
import dev.loopscope.python.runtime.PyModule;
import dev.loopscope.python.syntax.Expr;
import dev.loopscope.python.syntax.Node;
import dev.loopscope.python.syntax.Nodes;
import dev.loopscope.python.syntax.Span;
import dev.loopscope.python.syntax.Stmt;
import dev.loopscope.python.syntax.SupportedModules;
import dev.loopscope.python.syntax.SyntaxProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before anything runs, a use of a library name that Loopscope does not provide
 * ({@code asyncio.Queue}, {@code from time import strftime}): otherwise the program would fail at run time with
 * an error CPython never prints. What each module provides is read from the modules themselves, so the check
 * and the interpreter cannot disagree.
 */
public final class LibraryNames {

    private static Map<String, Set<String>> inventory;

    private LibraryNames() {
    }

    /** The names each importable module really has (built once, from a throwaway interpreter). */
    static synchronized Map<String, Set<String>> inventory() {
        if (inventory == null) {
            Interpreter interp = new Interpreter(Interpreter.Settings.defaults(), LibraryModules.registry());
            Map<String, Set<String>> names = new HashMap<>();
            for (String module : SupportedModules.names()) {
                PyModule m = interp.importModule(module);
                if (m != null) {
                    Set<String> own = new LinkedHashSet<>();
                    for (Object k : m.dict.keyList()) {
                        own.add(String.valueOf(k));
                    }
                    names.put(module, own);
                }
            }
            inventory = names;
        }
        return inventory;
    }

    /** Every use of a name a module does not have, as positioned refusals. */
    public static List<SyntaxProblem> check(Node.Module module) {
        Map<String, Set<String>> available = inventory();
        Map<String, String> aliases = new HashMap<>();
        List<SyntaxProblem> problems = new ArrayList<>();
        String[] lines = module.source().split("\n", -1);
        Nodes.walk(module, node -> {
            switch (node) {
                case Stmt.Import i -> {
                    for (Node.Alias a : i.names()) {
                        if (a.asName() != null) {
                            aliases.put(a.asName(), a.name());
                        } else {
                            String root = a.name().contains(".") ? a.name().substring(0, a.name().indexOf('.')) : a.name();
                            aliases.put(root, root);
                        }
                    }
                }
                case Stmt.ImportFrom f when f.module() != null && available.containsKey(f.module()) -> {
                    for (Node.Alias a : f.names()) {
                        if (!a.name().equals("*") && !available.get(f.module()).contains(a.name())
                                && !available.containsKey(f.module() + "." + a.name())) {
                            problems.add(refusal(module, lines, a.span(), "'" + a.name() + "' from module '"
                                    + f.module() + "' is not available in Loopscope"));
                        }
                    }
                }
                default -> {
                }
            }
        });
        Set<String> bound = boundNames(module);
        Set<String> missingBuiltins = Builtins.unavailable();
        Nodes.walk(module, node -> {
            if (node instanceof Expr.Name n && missingBuiltins.contains(n.id()) && !bound.contains(n.id())) {
                problems.add(refusal(module, lines, n.span(), "the builtin `" + n.id()
                        + "` is not available in Loopscope"));
            }
            // getattr(asyncio, "Condition") and hasattr(...) name a module attribute as surely as asyncio.Condition
            if (node instanceof Expr.Call call && call.function() instanceof Expr.Name fn
                    && (fn.id().equals("getattr") || fn.id().equals("hasattr")) && call.args().size() >= 2
                    && call.args().get(1) instanceof Expr.Str name) {
                String path = modulePath(call.args().get(0), aliases, available);
                if (path != null && !available.get(path).contains(name.value())
                        && !available.containsKey(path + "." + name.value())) {
                    problems.add(refusal(module, lines, call.span(), "`" + path + "." + name.value()
                            + "` is not available in Loopscope"));
                }
            }
            if (node instanceof Expr.Call call && call.function() instanceof Expr.Name fn
                    && fn.id().equals("__import__") && !call.args().isEmpty()
                    && call.args().get(0) instanceof Expr.Str name && !available.containsKey(name.value())) {
                problems.add(refusal(module, lines, call.args().get(0).span(), "module '" + name.value()
                        + "' is not available in Loopscope"));
            }
            if (node instanceof Expr.Attribute attr) {
                String path = modulePath(attr.value(), aliases, available);
                if (path != null && !available.get(path).contains(attr.attribute())
                        && !available.containsKey(path + "." + attr.attribute())) {
                    problems.add(refusal(module, lines, attr.span(), "`" + path + "." + attr.attribute()
                            + "` is not available in Loopscope"));
                }
            }
        });
        return problems;
    }

    /** Every name the program binds somewhere (a generous over-approximation: any name inside a target). */
    private static Set<String> boundNames(Node.Module module) {
        Set<String> bound = new java.util.HashSet<>();
        List<Expr> targets = new ArrayList<>();
        Nodes.walk(module, node -> {
            switch (node) {
                case Stmt.FunctionDef f -> bound.add(f.name());
                case Stmt.ClassDef c -> bound.add(c.name());
                case Node.Arg a -> bound.add(a.name());
                case Node.Alias a -> bound.add(a.asName() != null ? a.asName() : a.name().split("\\.")[0]);
                case Node.ExceptHandler h when h.name() != null -> bound.add(h.name());
                case Stmt.Global g -> bound.addAll(g.names());
                case Stmt.Nonlocal n -> bound.addAll(n.names());
                case Stmt.Assign a -> targets.addAll(a.targets());
                case Stmt.AugAssign a -> targets.add(a.target());
                case Stmt.AnnAssign a -> targets.add(a.target());
                case Stmt.Delete d -> targets.addAll(d.targets());
                case Stmt.For f -> targets.add(f.target());
                case Node.WithItem w when w.target() != null -> targets.add(w.target());
                case Node.Comprehension c -> targets.add(c.target());
                case Expr.NamedExpr n -> targets.add(n.target());
                default -> {
                }
            }
        });
        for (Expr t : targets) {
            Nodes.walk(t, node -> {
                if (node instanceof Expr.Name n) {
                    bound.add(n.id());
                }
            });
        }
        return bound;
    }

    /** The module an expression names ({@code asyncio}, {@code concurrent.futures}), or null. */
    private static String modulePath(Expr e, Map<String, String> aliases, Map<String, Set<String>> available) {
        if (e instanceof Expr.Name n) {
            String m = aliases.get(n.id());
            return m != null && available.containsKey(m) ? m : null;
        }
        if (e instanceof Expr.Attribute a) {
            String parent = modulePath(a.value(), aliases, available);
            if (parent != null && available.containsKey(parent + "." + a.attribute())) {
                return parent + "." + a.attribute();
            }
            // A package whose submodule is reached by attribute ("concurrent" of "concurrent.futures").
            if (a.value() instanceof Expr.Name n && aliases.containsKey(n.id())) {
                String dotted = aliases.get(n.id()) + "." + a.attribute();
                if (available.containsKey(dotted)) {
                    return dotted;
                }
            }
        }
        return null;
    }

    private static SyntaxProblem refusal(Node.Module module, String[] lines, Span span, String message) {
        String line = span.line() >= 1 && span.line() <= lines.length ? lines[span.line() - 1] : null;
        return SyntaxProblem.at(SyntaxProblem.Kind.UNSUPPORTED, message, module.fileName(), span, line);
    }
}
