package dev.loopscope.python.syntax;

import java.util.List;

/**
 * A compact one-line rendering of a tree with every position, in the same notation as
 * {@code tools/pyast_dump.py} renders CPython's {@code ast}, so that the two can be compared as text:
 * {@code BinOp(Name(a)@1:0-1:1,+,Int(1)@1:4-1:5)@1:0-1:5}.
 */
public final class TreeDump {

    private TreeDump() {
    }

    public static String dump(Node node) {
        StringBuilder out = new StringBuilder();
        new TreeDump().node(out, node);
        return out.toString();
    }

    private void node(StringBuilder out, Node n) {
        if (n == null) {
            out.append('~');
            return;
        }
        switch (n) {
            case Node.Module m -> {
                out.append("Module");
                list(out, m.body());
                return;
            }
            case Node.Arguments a -> {
                out.append("arguments(");
                list(out, a.posOnly());
                out.append(',');
                list(out, a.args());
                out.append(',');
                node(out, a.varArg());
                out.append(',');
                list(out, a.kwOnly());
                out.append(',');
                list(out, a.kwDefaults());
                out.append(',');
                node(out, a.kwArg());
                out.append(',');
                list(out, a.defaults());
                out.append(')');
                return;
            }
            case Node.Arg a -> {
                out.append("arg(").append(a.name()).append(',');
                node(out, a.annotation());
                out.append(')');
            }
            case Node.Keyword k -> {
                out.append("keyword(").append(k.name() == null ? "~" : k.name()).append(',');
                node(out, k.value());
                out.append(')');
            }
            case Node.ExceptHandler h -> {
                out.append("ExceptHandler(");
                node(out, h.type());
                out.append(',').append(h.name() == null ? "~" : h.name()).append(',');
                list(out, h.body());
                out.append(')');
            }
            case Node.WithItem w -> {
                out.append("withitem(");
                node(out, w.context());
                out.append(',');
                node(out, w.target());
                out.append(')');
                return;
            }
            case Node.Comprehension c -> {
                out.append("comprehension(");
                node(out, c.target());
                out.append(',');
                node(out, c.iter());
                out.append(',');
                list(out, c.ifs());
                out.append(',').append(c.isAsync() ? 1 : 0).append(')');
                return;
            }
            case Node.Alias a -> out.append("alias(").append(a.name()).append(',')
                    .append(a.asName() == null ? "~" : a.asName()).append(')');
            case Stmt s -> statement(out, s);
            case Expr e -> expression(out, e);
        }
        span(out, n.span());
    }

    private void statement(StringBuilder out, Stmt s) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                out.append("FunctionDef(").append(f.name()).append(',');
                node(out, f.args());
                out.append(',');
                list(out, f.body());
                out.append(',');
                list(out, f.decorators());
                out.append(',');
                node(out, f.returns());
                out.append(',').append(f.isAsync() ? 1 : 0).append(')');
            }
            case Stmt.ClassDef c -> {
                out.append("ClassDef(").append(c.name()).append(',');
                list(out, c.bases());
                out.append(',');
                list(out, c.keywords());
                out.append(',');
                list(out, c.body());
                out.append(',');
                list(out, c.decorators());
                out.append(')');
            }
            case Stmt.Return r -> call(out, "Return", r.value());
            case Stmt.Delete d -> {
                out.append("Delete(");
                list(out, d.targets());
                out.append(')');
            }
            case Stmt.Assign a -> {
                out.append("Assign(");
                list(out, a.targets());
                out.append(',');
                node(out, a.value());
                out.append(')');
            }
            case Stmt.AugAssign a -> {
                out.append("AugAssign(");
                node(out, a.target());
                out.append(',').append(a.op().symbol).append(',');
                node(out, a.value());
                out.append(')');
            }
            case Stmt.AnnAssign a -> call(out, "AnnAssign", a.target(), a.annotation(), a.value());
            case Stmt.For f -> {
                out.append("For(");
                node(out, f.target());
                out.append(',');
                node(out, f.iter());
                out.append(',');
                list(out, f.body());
                out.append(',');
                list(out, f.orElse());
                out.append(',').append(f.isAsync() ? 1 : 0).append(')');
            }
            case Stmt.While w -> {
                out.append("While(");
                node(out, w.test());
                out.append(',');
                list(out, w.body());
                out.append(',');
                list(out, w.orElse());
                out.append(')');
            }
            case Stmt.If i -> {
                out.append("If(");
                node(out, i.test());
                out.append(',');
                list(out, i.body());
                out.append(',');
                list(out, i.orElse());
                out.append(')');
            }
            case Stmt.With w -> {
                out.append("With(");
                list(out, w.items());
                out.append(',');
                list(out, w.body());
                out.append(',').append(w.isAsync() ? 1 : 0).append(')');
            }
            case Stmt.Raise r -> call(out, "Raise", r.exc(), r.cause());
            case Stmt.Try t -> {
                out.append("Try(");
                list(out, t.body());
                out.append(',');
                list(out, t.handlers());
                out.append(',');
                list(out, t.orElse());
                out.append(',');
                list(out, t.finalBody());
                out.append(',').append(t.isStar() ? 1 : 0).append(')');
            }
            case Stmt.Assert a -> call(out, "Assert", a.test(), a.message());
            case Stmt.Import i -> {
                out.append("Import(");
                list(out, i.names());
                out.append(')');
            }
            case Stmt.ImportFrom i -> {
                out.append("ImportFrom(").append(i.module() == null ? "~" : i.module()).append(',');
                list(out, i.names());
                out.append(',').append(i.level()).append(')');
            }
            case Stmt.Global g -> out.append("Global(").append(String.join(",", g.names())).append(')');
            case Stmt.Nonlocal n -> out.append("Nonlocal(").append(String.join(",", n.names())).append(')');
            case Stmt.ExprStmt e -> call(out, "Expr", e.value());
            case Stmt.Pass p -> out.append("Pass");
            case Stmt.Break b -> out.append("Break");
            case Stmt.Continue c -> out.append("Continue");
            case Stmt.Unsupported u -> out.append("Unsupported(").append(u.construct()).append(')');
        }
    }

    private void expression(StringBuilder out, Expr e) {
        switch (e) {
            case Expr.BoolOp b -> {
                out.append("BoolOp(").append(b.op() == Expr.BoolOpKind.AND ? "and" : "or").append(',');
                list(out, b.values());
                out.append(')');
            }
            case Expr.NamedExpr n -> call(out, "NamedExpr", n.target(), n.value());
            case Expr.BinOp b -> {
                out.append("BinOp(");
                node(out, b.left());
                out.append(',').append(b.op().symbol).append(',');
                node(out, b.right());
                out.append(')');
            }
            case Expr.UnaryOp u -> {
                out.append("UnaryOp(").append(switch (u.op()) {
                    case NOT -> "not";
                    case INVERT -> "~";
                    case UADD -> "+";
                    case USUB -> "-";
                }).append(',');
                node(out, u.operand());
                out.append(')');
            }
            case Expr.Lambda l -> {
                out.append("Lambda(");
                node(out, l.args());
                out.append(',');
                node(out, l.body());
                out.append(')');
            }
            case Expr.IfExp i -> call(out, "IfExp", i.test(), i.body(), i.orElse());
            case Expr.DictExpr d -> {
                out.append("Dict(");
                list(out, d.keys());
                out.append(',');
                list(out, d.values());
                out.append(')');
            }
            case Expr.SetExpr s -> {
                out.append("Set(");
                list(out, s.elements());
                out.append(')');
            }
            case Expr.ListComp l -> comprehension(out, "ListComp", List.of(l.element()), l.generators());
            case Expr.SetComp s -> comprehension(out, "SetComp", List.of(s.element()), s.generators());
            case Expr.DictComp d -> comprehension(out, "DictComp", List.of(d.key(), d.value()), d.generators());
            case Expr.GeneratorExp g -> comprehension(out, "GeneratorExp", List.of(g.element()), g.generators());
            case Expr.Await a -> call(out, "Await", a.value());
            case Expr.Yield y -> call(out, "Yield", y.value());
            case Expr.YieldFrom y -> call(out, "YieldFrom", y.value());
            case Expr.Compare c -> {
                out.append("Compare(");
                node(out, c.left());
                out.append(",[");
                for (int i = 0; i < c.ops().size(); i++) {
                    out.append(i > 0 ? "," : "").append(c.ops().get(i).symbol);
                }
                out.append("],");
                list(out, c.comparators());
                out.append(')');
            }
            case Expr.Call c -> {
                out.append("Call(");
                node(out, c.function());
                out.append(',');
                list(out, c.args());
                out.append(',');
                list(out, c.keywords());
                out.append(')');
            }
            case Expr.FormattedValue f -> {
                out.append("FormattedValue(");
                node(out, f.value());
                out.append(',').append(f.conversion()).append(',');
                node(out, f.formatSpec());
                out.append(')');
            }
            case Expr.JoinedStr j -> {
                out.append("JoinedStr(");
                list(out, j.values());
                out.append(')');
            }
            case Expr.Int i -> out.append("Int(").append(i.value()).append(')');
            case Expr.Float f -> out.append("Float(").append(Double.doubleToRawLongBits(f.value())).append(')');
            case Expr.Imaginary i -> out.append("Imag(").append(Double.doubleToRawLongBits(i.value())).append(')');
            case Expr.Str s -> {
                out.append("Str(");
                quote(out, s.value());
                out.append(')');
            }
            case Expr.Bytes b -> {
                out.append("Bytes(");
                for (byte x : b.value()) {
                    out.append(String.format("%02x", x & 0xFF));
                }
                out.append(')');
            }
            case Expr.Constant c -> out.append("Const(").append(switch (c.value()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "Ellipsis";
            }).append(')');
            case Expr.Attribute a -> {
                out.append("Attribute(");
                node(out, a.value());
                out.append(',').append(a.attribute()).append(')');
            }
            case Expr.Subscript s -> call(out, "Subscript", s.value(), s.index());
            case Expr.Starred s -> call(out, "Starred", s.value());
            case Expr.Name n -> out.append("Name(").append(n.id()).append(')');
            case Expr.ListExpr l -> {
                out.append("List(");
                list(out, l.elements());
                out.append(')');
            }
            case Expr.TupleExpr t -> {
                out.append("Tuple(");
                list(out, t.elements());
                out.append(')');
            }
            case Expr.Slice s -> call(out, "Slice", s.lower(), s.upper(), s.step());
        }
    }

    private void comprehension(StringBuilder out, String name, List<Expr> elements, List<Node.Comprehension> gens) {
        out.append(name).append('(');
        for (Expr e : elements) {
            node(out, e);
            out.append(',');
        }
        list(out, gens);
        out.append(')');
    }

    private void call(StringBuilder out, String name, Node... parts) {
        out.append(name).append('(');
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            node(out, parts[i]);
        }
        out.append(')');
    }

    private void list(StringBuilder out, List<? extends Node> nodes) {
        out.append('[');
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            node(out, nodes.get(i));
        }
        out.append(']');
    }

    private static void span(StringBuilder out, Span s) {
        out.append('@').append(s.line()).append(':').append(s.column()).append('-').append(s.endLine()).append(':')
                .append(s.endColumn());
    }

    /** JSON-style quoting with every character outside printable ASCII escaped, as Python's json.dumps does. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
