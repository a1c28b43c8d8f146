package dev.loopscope.python.syntax;

import java.util.List;

/** Statements, mirroring CPython's {@code ast} module for the constructs Loopscope parses. */
public sealed interface Stmt extends Node {

    record FunctionDef(String name, Node.Arguments args, List<Stmt> body, List<Expr> decorators, Expr returns,
                       boolean isAsync, Span span) implements Stmt {}

    record ClassDef(String name, List<Expr> bases, List<Node.Keyword> keywords, List<Stmt> body,
                    List<Expr> decorators, Span span) implements Stmt {}

    /** {@code value} is null for a bare {@code return}. */
    record Return(Expr value, Span span) implements Stmt {}

    record Delete(List<Expr> targets, Span span) implements Stmt {}

    /** {@code a = b = value}: several targets share one value. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {}

    record AugAssign(Expr target, Expr.BinOpKind op, Expr value, Span span) implements Stmt {}

    /** {@code target: annotation = value}; {@code value} may be null. */
    record AnnAssign(Expr target, Expr annotation, Expr value, Span span) implements Stmt {}

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, boolean isAsync, Span span) implements Stmt {}

    record While(Expr test, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}

    record If(Expr test, List<Stmt> body, List<Stmt> orElse, Span span) implements Stmt {}

    record With(List<Node.WithItem> items, List<Stmt> body, boolean isAsync, Span span) implements Stmt {}

    /** {@code raise exc from cause}; both may be null (a bare {@code raise}). */
    record Raise(Expr exc, Expr cause, Span span) implements Stmt {}

    record Try(List<Stmt> body, List<Node.ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody,
               boolean isStar, Span span) implements Stmt {}

    record Assert(Expr test, Expr message, Span span) implements Stmt {}

    record Import(List<Node.Alias> names, Span span) implements Stmt {}

    /** {@code from module import names}; {@code level} counts leading dots. */
    record ImportFrom(String module, List<Node.Alias> names, int level, Span span) implements Stmt {}

    record Global(List<String> names, Span span) implements Stmt {}

    record Nonlocal(List<String> names, Span span) implements Stmt {}

    record ExprStmt(Expr value, Span span) implements Stmt {}

    record Pass(Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    /** A construct that parses but that the subset does not run ({@code match}, {@code type} aliases...). */
    record Unsupported(String construct, Span span) implements Stmt {}
}
