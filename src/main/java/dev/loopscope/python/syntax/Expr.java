package dev.loopscope.python.syntax;

import java.math.BigInteger;
import java.util.List;

/** Expressions, mirroring CPython's {@code ast} module for the constructs Loopscope parses. */
public sealed interface Expr extends Node {

    enum BoolOpKind { AND, OR }

    enum BinOpKind {
        ADD("+"), SUB("-"), MULT("*"), MAT_MULT("@"), DIV("/"), MOD("%"), POW("**"), L_SHIFT("<<"), R_SHIFT(">>"),
        BIT_OR("|"), BIT_XOR("^"), BIT_AND("&"), FLOOR_DIV("//");

        public final String symbol;

        BinOpKind(String symbol) {
            this.symbol = symbol;
        }
    }

    enum UnaryOpKind { INVERT, NOT, UADD, USUB }

    enum CmpOpKind {
        EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="), IS("is"), IS_NOT("is not"), IN("in"),
        NOT_IN("not in");

        public final String symbol;

        CmpOpKind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Literal values other than numbers and strings. */
    enum Singleton { NONE, TRUE, FALSE, ELLIPSIS }

    record BoolOp(BoolOpKind op, List<Expr> values, Span span) implements Expr {}

    /** {@code target := value}. */
    record NamedExpr(Expr target, Expr value, Span span) implements Expr {}

    record BinOp(Expr left, BinOpKind op, Expr right, Span span) implements Expr {}

    record UnaryOp(UnaryOpKind op, Expr operand, Span span) implements Expr {}

    record Lambda(Node.Arguments args, Expr body, Span span) implements Expr {}

    record IfExp(Expr test, Expr body, Expr orElse, Span span) implements Expr {}

    /** A key is null for {@code **mapping}. */
    record DictExpr(List<Expr> keys, List<Expr> values, Span span) implements Expr {}

    record SetExpr(List<Expr> elements, Span span) implements Expr {}

    record ListComp(Expr element, List<Node.Comprehension> generators, Span span) implements Expr {}

    record SetComp(Expr element, List<Node.Comprehension> generators, Span span) implements Expr {}

    record DictComp(Expr key, Expr value, List<Node.Comprehension> generators, Span span) implements Expr {}

    record GeneratorExp(Expr element, List<Node.Comprehension> generators, Span span) implements Expr {}

    record Await(Expr value, Span span) implements Expr {}

    /** {@code value} may be null. */
    record Yield(Expr value, Span span) implements Expr {}

    record YieldFrom(Expr value, Span span) implements Expr {}

    /** {@code left op0 c0 op1 c1 ...}, a chained comparison. */
    record Compare(Expr left, List<CmpOpKind> ops, List<Expr> comparators, Span span) implements Expr {}

    /** Positional arguments may be {@link Starred}. */
    record Call(Expr function, List<Expr> args, List<Node.Keyword> keywords, Span span) implements Expr {}

    /**
     * One {@code {value!conversion:spec}} field of an f-string; {@code conversion} is -1 (none), 's', 'r' or 'a';
     * {@code formatSpec} is null or a {@link JoinedStr}.
     */
    record FormattedValue(Expr value, int conversion, Expr formatSpec, Span span) implements Expr {}

    /** An f-string: literal {@link Str} parts and {@link FormattedValue} fields. */
    record JoinedStr(List<Expr> values, Span span) implements Expr {}

    /** An integer literal; {@code value} is exact. */
    record Int(BigInteger value, Span span) implements Expr {}

    record Float(double value, Span span) implements Expr {}

    record Imaginary(double value, Span span) implements Expr {}

    /** A string literal after escapes are processed and adjacent literals are joined. */
    record Str(String value, Span span) implements Expr {}

    record Bytes(byte[] value, Span span) implements Expr {}

    record Constant(Singleton value, Span span) implements Expr {}

    record Attribute(Expr value, String attribute, Span span) implements Expr {}

    record Subscript(Expr value, Expr index, Span span) implements Expr {}

    record Starred(Expr value, Span span) implements Expr {}

    record Name(String id, Span span) implements Expr {}

    record ListExpr(List<Expr> elements, Span span) implements Expr {}

    record TupleExpr(List<Expr> elements, Span span) implements Expr {}

    /** {@code lower:upper:step}; each part may be null. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {}
}
