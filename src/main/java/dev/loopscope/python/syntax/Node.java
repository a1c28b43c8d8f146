package dev.loopscope.python.syntax;

/** Every syntax tree node knows where it came from, so errors and the running line can be shown. */
public sealed interface Node permits Stmt, Expr, Node.Arguments, Node.Arg, Node.Keyword, Node.ExceptHandler,
        Node.WithItem, Node.Comprehension, Node.Alias, Node.Module {

    Span span();

    /** A parsed source file. */
    record Module(String fileName, String source, java.util.List<Stmt> body, Span span) implements Node {}

    /** A function's parameters, as in CPython's {@code ast.arguments}. */
    record Arguments(java.util.List<Arg> posOnly, java.util.List<Arg> args, Arg varArg, java.util.List<Arg> kwOnly,
                     java.util.List<Expr> kwDefaults, Arg kwArg, java.util.List<Expr> defaults, Span span) implements Node {
        public static Arguments empty(Span span) {
            return new Arguments(java.util.List.of(), java.util.List.of(), null, java.util.List.of(),
                    java.util.List.of(), null, java.util.List.of(), span);
        }
    }

    /** One parameter; {@code annotation} may be null. */
    record Arg(String name, Expr annotation, Span span) implements Node {}

    /** {@code name=value} in a call; {@code name} is null for {@code **value}. */
    record Keyword(String name, Expr value, Span span) implements Node {}

    /** {@code except type as name:}; {@code type} and {@code name} may be null. */
    record ExceptHandler(Expr type, String name, java.util.List<Stmt> body, Span span) implements Node {}

    /** {@code with context as target}; {@code target} may be null. */
    record WithItem(Expr context, Expr target, Span span) implements Node {}

    /** {@code for target in iter if cond...} inside a comprehension. */
    record Comprehension(Expr target, Expr iter, java.util.List<Expr> ifs, boolean isAsync, Span span) implements Node {}

    /** {@code name as asName} in an import; {@code asName} may be null. */
    record Alias(String name, String asName, Span span) implements Node {}
}
