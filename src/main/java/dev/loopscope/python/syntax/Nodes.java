package dev.loopscope.python.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Generic access to the tree: the direct children of a node, and an iterative (stack-safe) walk. */
public final class Nodes {

    private Nodes() {
    }

    /** The direct children of {@code node} in source order; null parts (absent optional pieces) are skipped. */
    public static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        switch (node) {
            case Node.Module m -> out.addAll(m.body());
            case Node.Arguments a -> {
                out.addAll(a.posOnly());
                out.addAll(a.args());
                add(out, a.varArg());
                out.addAll(a.kwOnly());
                a.kwDefaults().forEach(d -> add(out, d));
                add(out, a.kwArg());
                out.addAll(a.defaults());
            }
            case Node.Arg a -> add(out, a.annotation());
            case Node.Keyword k -> add(out, k.value());
            case Node.ExceptHandler h -> {
                add(out, h.type());
                out.addAll(h.body());
            }
            case Node.WithItem w -> {
                add(out, w.context());
                add(out, w.target());
            }
            case Node.Comprehension c -> {
                add(out, c.target());
                add(out, c.iter());
                out.addAll(c.ifs());
            }
            case Node.Alias a -> { }
            case Stmt s -> statementChildren(s, out);
            case Expr e -> expressionChildren(e, out);
        }
        return out;
    }

    private static void statementChildren(Stmt s, List<Node> out) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                out.addAll(f.decorators());
                out.add(f.args());
                add(out, f.returns());
                out.addAll(f.body());
            }
            case Stmt.ClassDef c -> {
                out.addAll(c.decorators());
                out.addAll(c.bases());
                out.addAll(c.keywords());
                out.addAll(c.body());
            }
            case Stmt.Return r -> add(out, r.value());
            case Stmt.Delete d -> out.addAll(d.targets());
            case Stmt.Assign a -> {
                out.addAll(a.targets());
                out.add(a.value());
            }
            case Stmt.AugAssign a -> {
                out.add(a.target());
                out.add(a.value());
            }
            case Stmt.AnnAssign a -> {
                out.add(a.target());
                out.add(a.annotation());
                add(out, a.value());
            }
            case Stmt.For f -> {
                out.add(f.target());
                out.add(f.iter());
                out.addAll(f.body());
                out.addAll(f.orElse());
            }
            case Stmt.While w -> {
                out.add(w.test());
                out.addAll(w.body());
                out.addAll(w.orElse());
            }
            case Stmt.If i -> {
                out.add(i.test());
                out.addAll(i.body());
                out.addAll(i.orElse());
            }
            case Stmt.With w -> {
                out.addAll(w.items());
                out.addAll(w.body());
            }
            case Stmt.Raise r -> {
                add(out, r.exc());
                add(out, r.cause());
            }
            case Stmt.Try t -> {
                out.addAll(t.body());
                out.addAll(t.handlers());
                out.addAll(t.orElse());
                out.addAll(t.finalBody());
            }
            case Stmt.Assert a -> {
                out.add(a.test());
                add(out, a.message());
            }
            case Stmt.Import i -> out.addAll(i.names());
            case Stmt.ImportFrom i -> out.addAll(i.names());
            case Stmt.ExprStmt e -> out.add(e.value());
            case Stmt.Global g -> { }
            case Stmt.Nonlocal n -> { }
            case Stmt.Pass p -> { }
            case Stmt.Break b -> { }
            case Stmt.Continue c -> { }
            case Stmt.Unsupported u -> { }
        }
    }

    private static void expressionChildren(Expr e, List<Node> out) {
        switch (e) {
            case Expr.BoolOp b -> out.addAll(b.values());
            case Expr.NamedExpr n -> {
                out.add(n.target());
                out.add(n.value());
            }
            case Expr.BinOp b -> {
                out.add(b.left());
                out.add(b.right());
            }
            case Expr.UnaryOp u -> out.add(u.operand());
            case Expr.Lambda l -> {
                out.add(l.args());
                out.add(l.body());
            }
            case Expr.IfExp i -> {
                out.add(i.test());
                out.add(i.body());
                out.add(i.orElse());
            }
            case Expr.DictExpr d -> {
                for (int i = 0; i < d.values().size(); i++) {
                    add(out, d.keys().get(i));
                    out.add(d.values().get(i));
                }
            }
            case Expr.SetExpr s -> out.addAll(s.elements());
            case Expr.ListComp l -> {
                out.add(l.element());
                out.addAll(l.generators());
            }
            case Expr.SetComp s -> {
                out.add(s.element());
                out.addAll(s.generators());
            }
            case Expr.DictComp d -> {
                out.add(d.key());
                out.add(d.value());
                out.addAll(d.generators());
            }
            case Expr.GeneratorExp g -> {
                out.add(g.element());
                out.addAll(g.generators());
            }
            case Expr.Await a -> out.add(a.value());
            case Expr.Yield y -> add(out, y.value());
            case Expr.YieldFrom y -> out.add(y.value());
            case Expr.Compare c -> {
                out.add(c.left());
                out.addAll(c.comparators());
            }
            case Expr.Call c -> {
                out.add(c.function());
                out.addAll(c.args());
                out.addAll(c.keywords());
            }
            case Expr.FormattedValue f -> {
                out.add(f.value());
                add(out, f.formatSpec());
            }
            case Expr.JoinedStr j -> out.addAll(j.values());
            case Expr.Attribute a -> out.add(a.value());
            case Expr.Subscript s -> {
                out.add(s.value());
                out.add(s.index());
            }
            case Expr.Starred s -> out.add(s.value());
            case Expr.ListExpr l -> out.addAll(l.elements());
            case Expr.TupleExpr t -> out.addAll(t.elements());
            case Expr.Slice s -> {
                add(out, s.lower());
                add(out, s.upper());
                add(out, s.step());
            }
            case Expr.Int i -> { }
            case Expr.Float f -> { }
            case Expr.Imaginary i -> { }
            case Expr.Str s -> { }
            case Expr.Bytes b -> { }
            case Expr.Constant c -> { }
            case Expr.Name n -> { }
        }
    }

    private static void add(List<Node> out, Node n) {
        if (n != null) {
            out.add(n);
        }
    }

    /** Calls {@code visitor} on {@code root} and every node below it, parents first, without recursion. */
    public static void walk(Node root, Consumer<Node> visitor) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            visitor.accept(n);
            List<Node> kids = children(n);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
    }

    /** The first node (in walk order) nested deeper than {@code maxDepth} below {@code root}, or null. */
    public static Node deeperThan(Node root, int maxDepth) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > maxDepth) {
                return n;
            }
            List<Node> kids = children(n);
            for (int i = kids.size() - 1; i >= 0; i--) {
                nodes.push(kids.get(i));
                depths.push(d + 1);
            }
        }
        return null;
    }
}
