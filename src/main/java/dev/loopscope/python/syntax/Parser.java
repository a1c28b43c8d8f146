package dev.loopscope.python.syntax;

import dev.loopscope.python.syntax.Expr.BinOpKind;
import dev.loopscope.python.syntax.Expr.CmpOpKind;
import dev.loopscope.python.syntax.Expr.Singleton;
import dev.loopscope.python.syntax.Expr.UnaryOpKind;
import dev.loopscope.python.syntax.SyntaxProblem.Kind;
import dev.loopscope.python.syntax.Token.TokenizerError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for Python 3.12 over the tokens of {@link Tokenizer}. It builds the tree of
 * {@link Stmt} and {@link Expr} records with CPython's positions and stops at the first error, reporting it
 * with CPython's message where the grammar's "invalid_" rules give one, else "invalid syntax" at the token
 * where parsing could not go on.
 */
final class Parser {

    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    /** Nested expressions beyond this are refused, so that no input can exhaust the Java stack. */
    static final int MAX_DEPTH = 1000;

    private enum Targets { STAR, FOR, DEL }

    private final int[] src;
    private final Token[] toks;
    private int p;
    /** The furthest token looked at: where CPython reports a generic syntax error. */
    private int furthest;
    /** The furthest token ever fetched, speculation included (CPython's p->fill). */
    private int maxFetched;
    private int depth;
    /** Expressions that were written in parentheses (the tree does not record it). */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The bracket nesting at each token, as CPython's tokenizer records it (after the token itself). */
    private final int[] levels;
    /** Set while parsing CPython's expression_without_invalid, to stop the "forgot a comma" check recursing. */
    private boolean withoutInvalid;

    Parser(int[] src, List<Token> tokens) {
        this.src = src;
        this.toks = tokens.toArray(new Token[0]);
        this.levels = new int[toks.length];
        int level = 0;
        for (int i = 0; i < toks.length; i++) {
            Token t = toks[i];
            if (t.kind() == Token.Kind.OP && t.text().length() == 1) {
                char c = t.text().charAt(0);
                if (c == '(' || c == '[' || c == '{') {
                    level++;
                } else if ((c == ')' || c == ']' || c == '}') && level > 0) {
                    level--;
                }
            }
            levels[i] = level;
        }
    }

    // ================================================================ tokens

    private Token tok() {
        return at(p);
    }

    private Token peek(int ahead) {
        return at(p + ahead);
    }

    private Token at(int index) {
        int i = Math.min(index, toks.length - 1);
        if (i > furthest) {
            furthest = i;
        }
        if (i > maxFetched) {
            maxFetched = i;
        }
        Token t = toks[i];
        if (t.kind() == Token.Kind.ERROR) {
            throw tokenizerError(t, i);
        }
        return t;
    }

    private Token prev() {
        return toks[p - 1];
    }

    private Token next() {
        Token t = tok();
        p++;
        return t;
    }

    private boolean isOp(String op) {
        Token t = tok();
        return t.kind() == Token.Kind.OP && t.text().equals(op);
    }

    private boolean isKeyword(String kw) {
        Token t = tok();
        return t.kind() == Token.Kind.NAME && t.text().equals(kw);
    }

    private boolean isKind(Token.Kind kind) {
        return tok().kind() == kind;
    }

    private static boolean isOp(Token t, String op) {
        return t.kind() == Token.Kind.OP && t.text().equals(op);
    }

    private static boolean isKeyword(Token t, String kw) {
        return t.kind() == Token.Kind.NAME && t.text().equals(kw);
    }

    private void expectOp(String op) {
        if (!isOp(op)) {
            throw invalidSyntax();
        }
        p++;
    }

    /** A forced token ({@code &&':'} in CPython's grammar): "expected ':'" at whatever is there instead. */
    private void expectForced(String op) {
        if (!isOp(op)) {
            throw errorAt(tok(), "expected '" + op + "'");
        }
        p++;
    }

    /** The ':' ending a compound statement's header: "expected ':'" when the line ends, else invalid syntax. */
    private void expectColon() {
        if (isOp(":")) {
            p++;
            return;
        }
        if (isKind(Token.Kind.NEWLINE)) {
            throw errorAt(tok(), "expected ':'");
        }
        throw invalidSyntax();
    }

    private Token expectName() {
        Token t = tok();
        if (t.kind() != Token.Kind.NAME || KEYWORDS.contains(t.text())) {
            throw invalidSyntax();
        }
        p++;
        return t;
    }

    private boolean isName(Token t) {
        return t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text());
    }

    private Span spanFrom(Token start) {
        Token end = prev();
        return new Span(start.line(), start.col(), end.endLine(), end.endCol());
    }

    private static Span spanFrom(Token start, Span end) {
        return new Span(start.line(), start.col(), end.endLine(), end.endColumn());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            Token t = tok();
            throw new ParseError(Kind.SYNTAX_ERROR, "too many nested expressions or statements (Loopscope's limit is "
                    + MAX_DEPTH + ")", t.line(), t.col() + 1, t.endLine(), t.endCol() + 1, p);
        }
    }

    /** The tokenizer's error at the end of the token list, or null. */
    TokenizerError trailingError() {
        Token last = toks[toks.length - 1];
        return last.kind() == Token.Kind.ERROR ? last.problem() : null;
    }

    /** True when the parser got as far as the last token. */
    boolean reachedEnd() {
        return furthest >= toks.length - 1;
    }

    /** The line of the last token fetched, against which CPython weighs a bracket left open. */
    int errorLine() {
        return toks[Math.min(maxFetched, toks.length - 1)].line();
    }

    int furthestIndex() {
        return Math.min(furthest, toks.length - 1);
    }

    private void leave() {
        depth--;
    }

    // ================================================================ errors

    private ParseError tokenizerError(Token t, int index) {
        TokenizerError e = t.problem();
        return new ParseError(e.kind(), e.message(), e.line(), e.column(), e.endLine(), e.endColumn(), index, true);
    }

    ParseError errorAt(Token t, String message) {
        return new ParseError(Kind.SYNTAX_ERROR, message, t.line(), t.col() + 1, t.endLine(), t.endCol() + 1,
                indexOf(t));
    }

    private ParseError errorAt(Span s, String message) {
        return new ParseError(Kind.SYNTAX_ERROR, message, s.line(), s.column() + 1, s.endLine(), s.endColumn() + 1, p);
    }

    private ParseError errorRange(Span from, Span to, String message) {
        return new ParseError(Kind.SYNTAX_ERROR, message, from.line(), from.column() + 1, to.endLine(),
                to.endColumn() + 1, p);
    }

    private int indexOf(Token t) {
        for (int i = Math.min(furthest, toks.length - 1); i >= 0; i--) {
            if (toks[i] == t) {
                return i;
            }
        }
        return p;
    }

    /** CPython's RAISE_SYNTAX_ERROR without a location: at the last token the parser fetched. */
    private ParseError errorAtLast(Kind kind, String message) {
        int last = Math.min(furthest, toks.length - 1);
        Token t = toks[last];
        if (atEnd(last)) {
            // At the end of input CPython points just past the end of the last line, with no known end.
            int lines = 1;
            int lineStart = 0;
            for (int i = 0; i < src.length; i++) {
                if (src[i] == '\n' && i + 1 < src.length) {
                    lines++;
                    lineStart = i + 1;
                }
            }
            int length = src.length - lineStart;
            if (length > 0 && src[src.length - 1] == '\n') {
                length--;
            }
            return new ParseError(kind, message, lines, length + 1, lines, -1, last);
        }
        if (t.kind() == Token.Kind.INDENT) {
            return new ParseError(kind, message, t.line(), t.endCol(), t.line(), -1, furthest);
        }
        if (t.kind() == Token.Kind.DEDENT) {
            return new ParseError(kind, message, t.line(), t.endCol(), t.line(), -1, furthest);
        }
        return new ParseError(kind, message, t.line(), t.col() + 1, t.endLine(), t.endCol() + 1, furthest);
    }

    /**
     * Whether a failed sub-parse may be undone as CPython's PEG parser would (trying a shorter alternative):
     * plain "invalid syntax" only, never a tokenizer error or one of the specific messages.
     */
    private static boolean canBacktrack(ParseError e) {
        return !e.fromTokenizer && e.kind == Kind.SYNTAX_ERROR && e.message.equals("invalid syntax");
    }

    /** True when only DEDENTs and the end marker are left from {@code index} on. */
    private boolean atEnd(int index) {
        for (int i = index; i < toks.length; i++) {
            Token.Kind k = toks[i].kind();
            if (k != Token.Kind.DEDENT && k != Token.Kind.ENDMARKER) {
                return false;
            }
        }
        return true;
    }

    /** A look at a later token that does not count as "reached" for the location of a generic error. */
    private Token peekQuiet(int ahead) {
        int saved = furthest;
        try {
            return peek(ahead);
        } finally {
            furthest = saved;
        }
    }

    /** The generic error: "invalid syntax" at the furthest token, or an indentation error there. */
    ParseError invalidSyntax() {
        Token t = toks[Math.min(furthest, toks.length - 1)];
        if (t.kind() == Token.Kind.INDENT) {
            return errorAtLast(Kind.INDENTATION_ERROR, "unexpected indent");
        }
        if (t.kind() == Token.Kind.DEDENT) {
            return errorAtLast(Kind.INDENTATION_ERROR, "unexpected unindent");
        }
        return new ParseError(Kind.SYNTAX_ERROR, "invalid syntax", t.line(), t.col() + 1, t.endLine(),
                t.endCol() + 1, furthest);
    }

    // ================================================================ module and blocks

    Node.Module parseModule(String fileName, String source) {
        List<Stmt> body = new ArrayList<>();
        while (!isKind(Token.Kind.ENDMARKER)) {
            statement(body);
        }
        Token end = tok();
        return new Node.Module(fileName, source, List.copyOf(body), new Span(1, 0, end.line(), end.col()));
    }

    private void statement(List<Stmt> into) {
        Token t = tok();
        if (t.kind() == Token.Kind.INDENT) {
            throw errorAtLast(Kind.INDENTATION_ERROR, "unexpected indent");
        }
        if (t.kind() == Token.Kind.NAME) {
            Stmt compound = switch (t.text()) {
                case "def" -> functionDef(List.of(), null);
                case "if" -> ifStmt();
                case "class" -> classDef(List.of());
                case "with" -> withStmt(null);
                case "for" -> forStmt(null);
                case "try" -> tryStmt();
                case "while" -> whileStmt();
                case "async" -> asyncStmt(List.of());
                case "match" -> matchStmt();
                default -> null;
            };
            if (compound != null) {
                into.add(compound);
                return;
            }
        } else if (isOp(t, "@")) {
            into.add(decorated());
            return;
        }
        simpleStatements(into);
    }

    /**
     * A block after a compound statement's ':' ({@code what} names the statement for "expected an indented
     * block after ...").
     */
    private List<Stmt> block(String what, Token keyword) {
        if (isKind(Token.Kind.NEWLINE)) {
            p++;
            if (!isKind(Token.Kind.INDENT)) {
                throw errorAtLast(Kind.INDENTATION_ERROR,
                        "expected an indented block after " + what + " on line " + keyword.line());
            }
            p++;
            enter();
            List<Stmt> body = new ArrayList<>();
            while (!isKind(Token.Kind.DEDENT)) {
                if (isKind(Token.Kind.ENDMARKER)) {
                    throw invalidSyntax();
                }
                statement(body);
            }
            p++;
            leave();
            return List.copyOf(body);
        }
        List<Stmt> body = new ArrayList<>();
        simpleStatements(body);
        return List.copyOf(body);
    }

    private static Span lastSpan(List<Stmt> body) {
        return body.get(body.size() - 1).span();
    }

    // ================================================================ compound statements

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (isOp("@")) {
            p++;
            decorators.add(namedExpression());
            if (!isKind(Token.Kind.NEWLINE)) {
                throw invalidSyntax();
            }
            p++;
        }
        if (isKeyword("def")) {
            return functionDef(decorators, null);
        }
        if (isKeyword("class")) {
            return classDef(decorators);
        }
        if (isKeyword("async") && isKeyword(peek(1), "def")) {
            Token async = next();
            return functionDef(decorators, async);
        }
        throw invalidSyntax();
    }

    private Stmt asyncStmt(List<Expr> decorators) {
        Token async = next();
        if (isKeyword("def")) {
            return functionDef(decorators, async);
        }
        if (isKeyword("with")) {
            return withStmt(async);
        }
        if (isKeyword("for")) {
            return forStmt(async);
        }
        throw invalidSyntax();
    }

    private Stmt functionDef(List<Expr> decorators, Token async) {
        Token def = next();
        Token start = async != null ? async : def;
        Token name = expectName();
        boolean generic = false;
        if (isOp("[")) {
            typeParams();
            generic = true;
        }
        expectForced("(");
        Node.Arguments args = parameters(")", false);
        expectOp(")");
        Expr returns = null;
        if (isOp("->")) {
            p++;
            returns = expression();
        }
        expectForced(":");
        List<Stmt> body = block("function definition", def);
        Span span = spanFrom(start, lastSpan(body));
        if (generic) {
            return new Stmt.Unsupported("generic function", span);
        }
        return new Stmt.FunctionDef(name.text(), args, body, List.copyOf(decorators), returns, async != null, span);
    }

    /** PEP 695 type parameters, parsed only to be refused: {@code [T, *Ts, **P, U: bound = default]}. */
    private void typeParams() {
        p++;
        do {
            if (isOp("*") || isOp("**")) {
                p++;
            }
            expectName();
            if (isOp(":")) {
                p++;
                expression();
            }
            if (isOp(",")) {
                p++;
            } else {
                break;
            }
        } while (!isOp("]"));
        expectOp("]");
    }

    private Stmt classDef(List<Expr> decorators) {
        Token kw = next();
        Token name = expectName();
        boolean generic = false;
        if (isOp("[")) {
            typeParams();
            generic = true;
        }
        List<Expr> bases = List.of();
        List<Node.Keyword> keywords = List.of();
        if (isOp("(")) {
            Token open = next();
            CallArgs a = callArguments(open, false);
            bases = a.args;
            keywords = a.keywords;
        }
        expectColon();
        List<Stmt> body = block("class definition", kw);
        Span span = spanFrom(kw, lastSpan(body));
        if (generic) {
            return new Stmt.Unsupported("generic class", span);
        }
        return new Stmt.ClassDef(name.text(), bases, keywords, body, List.copyOf(decorators), span);
    }

    private Stmt ifStmt() {
        Token kw = next();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'" + kw.text() + "' statement", kw);
        List<Stmt> orElse = List.of();
        if (isKeyword("elif")) {
            orElse = List.of(ifStmt());
        } else if (isKeyword("else")) {
            orElse = elseBlock();
        }
        Span end = orElse.isEmpty() ? lastSpan(body) : lastSpan(orElse);
        return new Stmt.If(test, body, orElse, spanFrom(kw, end));
    }

    private List<Stmt> elseBlock() {
        Token kw = next();
        expectForced(":");
        return block("'else' statement", kw);
    }

    private Stmt whileStmt() {
        Token kw = next();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'while' statement", kw);
        List<Stmt> orElse = isKeyword("else") ? elseBlock() : List.of();
        Span end = orElse.isEmpty() ? lastSpan(body) : lastSpan(orElse);
        return new Stmt.While(test, body, orElse, spanFrom(kw, end));
    }

    private Stmt forStmt(Token async) {
        Token kw = next();
        Token start = async != null ? async : kw;
        Token targetStart = tok();
        Expr target = targetList();
        if (!isKeyword("in")) {
            throw badForTarget(targetStart);
        }
        p++;
        checkTarget(target, Targets.FOR);
        Expr iter = starExpressions();
        expectColon();
        List<Stmt> body = block("'for' statement", kw);
        List<Stmt> orElse = isKeyword("else") ? elseBlock() : List.of();
        Span end = orElse.isEmpty() ? lastSpan(body) : lastSpan(orElse);
        return new Stmt.For(target, iter, body, orElse, async != null, spanFrom(start, end));
    }

    private Stmt withStmt(Token async) {
        Token kw = next();
        Token start = async != null ? async : kw;
        List<Node.WithItem> items = null;
        if (isOp("(")) {
            // "with (a as b, c as d):" first, as CPython tries it; else the parentheses belong to an expression.
            int save = p;
            try {
                p++;
                List<Node.WithItem> inner = new ArrayList<>();
                inner.add(withItem());
                while (isOp(",")) {
                    p++;
                    if (isOp(")")) {
                        break;
                    }
                    inner.add(withItem());
                }
                expectOp(")");
                if (isOp(":")) {
                    items = inner;
                } else {
                    p = save;
                }
            } catch (ParseError e) {
                if (e.fromTokenizer || !e.message.equals("invalid syntax")) {
                    throw e;
                }
                p = save;
            }
        }
        if (items == null) {
            items = new ArrayList<>();
            items.add(withItem());
            while (isOp(",")) {
                p++;
                items.add(withItem());
            }
        }
        expectColon();
        List<Stmt> body = block("'with' statement", kw);
        return new Stmt.With(List.copyOf(items), body, async != null, spanFrom(start, lastSpan(body)));
    }

    private Node.WithItem withItem() {
        Token start = tok();
        Expr context = expression();
        Expr target = null;
        if (isKeyword("as")) {
            p++;
            target = targetElement();
            checkTarget(target, Targets.STAR);
        }
        return new Node.WithItem(context, target, spanFrom(start));
    }

    private Stmt tryStmt() {
        Token kw = next();
        expectForced(":");
        List<Stmt> body = block("'try' statement", kw);
        List<Node.ExceptHandler> handlers = new ArrayList<>();
        boolean isStar = false;
        while (isKeyword("except")) {
            Token ex = next();
            boolean star = false;
            if (isOp("*")) {
                p++;
                star = true;
                if (isOp(":") || isKind(Token.Kind.NEWLINE)) {
                    throw errorAtLast(Kind.SYNTAX_ERROR, "expected one or more exception types");
                }
            }
            if (handlers.isEmpty()) {
                isStar = star;
            } else if (star != isStar) {
                throw errorAt(ex.span(), "cannot have both 'except' and 'except*' on the same 'try'");
            }
            Expr type = null;
            String name = null;
            if (!isOp(":")) {
                if (isKind(Token.Kind.NEWLINE)) {
                    throw errorAt(tok(), "expected ':'");
                }
                Token typeStart = tok();
                type = expression();
                if (isOp(",")) {
                    while (isOp(",")) {
                        p++;
                        if (isOp(":") || isKeyword("as")) {
                            break;
                        }
                        expression();
                    }
                    if (isKeyword("as") && isName(peek(1))) {
                        p += 2;
                    }
                    throw errorRange(spanFrom(typeStart, type.span()), prev().span(),
                            "multiple exception types must be parenthesized");
                }
                if (isKeyword("as")) {
                    p++;
                    name = expectName().text();
                }
            }
            expectColon();
            List<Stmt> handlerBody = block(star ? "'except*' statement" : "'except' statement", ex);
            handlers.add(new Node.ExceptHandler(type, name, handlerBody, spanFrom(ex, lastSpan(handlerBody))));
        }
        List<Stmt> orElse = List.of();
        if (!handlers.isEmpty() && isKeyword("else")) {
            orElse = elseBlock();
        }
        List<Stmt> finalBody = List.of();
        if (isKeyword("finally")) {
            Token fin = next();
            expectForced(":");
            finalBody = block("'finally' statement", fin);
        }
        if (handlers.isEmpty() && finalBody.isEmpty()) {
            throw errorAtLast(Kind.SYNTAX_ERROR, "expected 'except' or 'finally' block");
        }
        Span end = !finalBody.isEmpty() ? lastSpan(finalBody)
                : !orElse.isEmpty() ? lastSpan(orElse) : handlers.get(handlers.size() - 1).span();
        return new Stmt.Try(body, List.copyOf(handlers), orElse, finalBody, isStar, spanFrom(kw, end));
    }

    /**
     * {@code match} is a soft keyword: a statement only when {@code match subject:} ends the line and an
     * indented block follows. Loopscope does not run match statements, so the block is skipped.
     */
    private Stmt matchStmt() {
        int save = p;
        Token kw = tok();
        try {
            p++;
            if (isOp("=") || isOp(".") || isOp("(") && false) {
                p = save;
                return null;
            }
            starNamedExpressionsAsTuple();
            if (!isOp(":") || peek(1).kind() != Token.Kind.NEWLINE || peek(2).kind() != Token.Kind.INDENT) {
                p = save;
                return null;
            }
        } catch (ParseError e) {
            if (e.fromTokenizer) {
                throw e;
            }
            p = save;
            return null;
        }
        p += 3;
        int nesting = 1;
        Token last = prev();
        while (nesting > 0) {
            Token t = tok();
            if (t.kind() == Token.Kind.ENDMARKER) {
                break;
            }
            if (t.kind() == Token.Kind.INDENT) {
                nesting++;
            } else if (t.kind() == Token.Kind.DEDENT) {
                nesting--;
            } else if (t.kind() != Token.Kind.NEWLINE) {
                last = t;
            }
            p++;
        }
        return new Stmt.Unsupported("match", new Span(kw.line(), kw.col(), last.endLine(), last.endCol()));
    }

    // ================================================================ simple statements

    private void simpleStatements(List<Stmt> into) {
        into.add(simpleStatement());
        while (isOp(";")) {
            p++;
            if (isKind(Token.Kind.NEWLINE)) {
                break;
            }
            into.add(simpleStatement());
        }
        if (!isKind(Token.Kind.NEWLINE)) {
            throw invalidSyntax();
        }
        p++;
    }

    private Stmt simpleStatement() {
        Token t = tok();
        if (t.kind() == Token.Kind.NAME) {
            switch (t.text()) {
                case "pass" -> {
                    p++;
                    return new Stmt.Pass(t.span());
                }
                case "break" -> {
                    p++;
                    return new Stmt.Break(t.span());
                }
                case "continue" -> {
                    p++;
                    return new Stmt.Continue(t.span());
                }
                case "return" -> {
                    p++;
                    Expr value = startsExpression(tok()) ? starExpressions() : null;
                    return new Stmt.Return(value, spanFrom(t));
                }
                case "raise" -> {
                    return raiseStmt();
                }
                case "global", "nonlocal" -> {
                    p++;
                    List<String> names = new ArrayList<>();
                    names.add(expectName().text());
                    while (isOp(",")) {
                        p++;
                        names.add(expectName().text());
                    }
                    return t.text().equals("global") ? new Stmt.Global(List.copyOf(names), spanFrom(t))
                            : new Stmt.Nonlocal(List.copyOf(names), spanFrom(t));
                }
                case "del" -> {
                    return delStmt();
                }
                case "assert" -> {
                    p++;
                    Expr test = expression();
                    Expr msg = null;
                    if (isOp(",")) {
                        p++;
                        msg = expression();
                    }
                    return new Stmt.Assert(test, msg, spanFrom(t));
                }
                case "import" -> {
                    return importStmt();
                }
                case "from" -> {
                    return fromImport();
                }
                case "type" -> {
                    Stmt alias = typeAlias();
                    if (alias != null) {
                        return alias;
                    }
                }
                default -> { }
            }
        }
        return expressionStatement();
    }

    private Stmt raiseStmt() {
        Token kw = next();
        Expr exc = null;
        Expr cause = null;
        if (startsExpression(tok())) {
            exc = expression();
            if (isKeyword("from")) {
                p++;
                cause = expression();
            }
        }
        return new Stmt.Raise(exc, cause, spanFrom(kw));
    }

    private Stmt delStmt() {
        Token kw = next();
        Token start = tok();
        List<Expr> targets = new ArrayList<>();
        Expr all = starExpressions();
        if (all instanceof Expr.TupleExpr t && !parenthesized.contains(all) && t.span().column() == start.col()
                && t.span().line() == start.line() && !isOp(t, start)) {
            targets.addAll(t.elements());
        } else {
            targets.add(all);
        }
        checkTarget(all, Targets.DEL);
        if (!(isOp(";") || isKind(Token.Kind.NEWLINE))) {
            throw invalidSyntax();
        }
        return new Stmt.Delete(List.copyOf(targets), spanFrom(kw));
    }

    /** True when a tuple's first token is its opening parenthesis (a parenthesized tuple). */
    private boolean isOp(Expr.TupleExpr t, Token start) {
        return isOp(start, "(") && t.elements().stream().noneMatch(e -> e.span().column() == start.col()
                && e.span().line() == start.line());
    }

    private Stmt importStmt() {
        Token kw = next();
        List<Node.Alias> names = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                p++;
            }
            Token start = tok();
            String name = dottedName();
            String asName = null;
            if (isKeyword("as")) {
                p++;
                asName = expectName().text();
            }
            names.add(new Node.Alias(name, asName, spanFrom(start)));
        } while (isOp(","));
        if (isKeyword("from")) {
            p++;
            if (isName(tok())) {
                dottedName();
                throw errorRange(kw.span(), prev().span(), "Did you mean to use 'from ... import ...' instead?");
            }
        }
        return new Stmt.Import(List.copyOf(names), spanFrom(kw));
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(expectName().text());
        while (isOp(".")) {
            p++;
            name.append('.').append(expectName().text());
        }
        return name.toString();
    }

    private Stmt fromImport() {
        Token kw = next();
        int level = 0;
        while (isOp(".") || isOp("...")) {
            level += next().text().length();
        }
        String module = null;
        if (!isKeyword("import")) {
            module = dottedName();
        }
        if (!isKeyword("import")) {
            throw invalidSyntax();
        }
        p++;
        List<Node.Alias> names = new ArrayList<>();
        if (isOp("*")) {
            Token star = next();
            names.add(new Node.Alias("*", null, star.span()));
        } else {
            boolean parens = isOp("(");
            if (parens) {
                p++;
            }
            while (true) {
                Token start = tok();
                String name = expectName().text();
                String asName = null;
                if (isKeyword("as")) {
                    p++;
                    asName = expectName().text();
                }
                names.add(new Node.Alias(name, asName, spanFrom(start)));
                if (!isOp(",")) {
                    break;
                }
                p++;
                if (parens && isOp(")")) {
                    break;
                }
                if (!parens && isKind(Token.Kind.NEWLINE)) {
                    throw errorAtLast(Kind.SYNTAX_ERROR, "trailing comma not allowed without surrounding parentheses");
                }
            }
            if (parens) {
                expectOp(")");
            }
        }
        return new Stmt.ImportFrom(module, List.copyOf(names), level, spanFrom(kw));
    }

    /** {@code type X = ...} (PEP 695): parsed, then refused by the subset check. */
    private Stmt typeAlias() {
        Token kw = tok();
        if (!isName(peek(1)) || !(isOp(peek(2), "=") || isOp(peek(2), "["))) {
            return null;
        }
        p += 2;
        if (isOp("[")) {
            typeParams();
        }
        expectOp("=");
        expression();
        return new Stmt.Unsupported("type", spanFrom(kw));
    }

    private static final Set<String> AUG_OPS = Set.of("+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=",
            ">>=", "**=", "//=");

    private Stmt expressionStatement() {
        Token start = tok();
        Expr first = isKeyword("yield") ? yieldExpression() : starExpressions();
        Token t = tok();
        if (isOp(t, ":")) {
            if (!(first instanceof Expr.Name || first instanceof Expr.Attribute || first instanceof Expr.Subscript)) {
                // CPython only names the bad target when an annotation follows; else the ':' is the error.
                int save = p;
                int saveFurthest = furthest;
                boolean annotationParses;
                try {
                    p++;
                    expression();
                    annotationParses = true;
                } catch (ParseError e) {
                    if (e.fromTokenizer) {
                        throw e;
                    }
                    annotationParses = false;
                } finally {
                    p = save;
                    furthest = saveFurthest;
                }
                if (!annotationParses) {
                    throw invalidSyntax();
                }
                checkAnnotationTarget(first, start);
            }
            p++;
            Expr annotation = expression();
            Expr value = null;
            if (isOp("=")) {
                p++;
                value = isKeyword("yield") ? yieldExpression() : starExpressions();
            }
            return new Stmt.AnnAssign(first, annotation, value, spanFrom(start));
        }
        if (t.kind() == Token.Kind.OP && AUG_OPS.contains(t.text())) {
            if (!(first instanceof Expr.Name || first instanceof Expr.Attribute || first instanceof Expr.Subscript)) {
                throw errorAt(first.span(), "'" + exprName(first) + "' is an illegal expression for augmented assignment");
            }
            p++;
            Expr value = isKeyword("yield") ? yieldExpression() : starExpressions();
            BinOpKind op = binOpOf(t.text().substring(0, t.text().length() - 1));
            return new Stmt.AugAssign(first, op, value, spanFrom(start));
        }
        if (isOp(t, "=")) {
            List<Expr> parts = new ArrayList<>();
            parts.add(first);
            int firstEquals = p;
            while (isOp("=")) {
                // CPython blames a bad target as soon as an '=' follows it, whatever comes after.
                checkAssignmentTargets(parts, firstEquals);
                p++;
                parts.add(isKeyword("yield") ? yieldExpression() : starExpressions());
            }
            Expr value = parts.remove(parts.size() - 1);
            return new Stmt.Assign(List.copyOf(parts), value, spanFrom(start));
        }
        if (isOp(t, ":=") && !(first instanceof Expr.Name)) {
            throw errorAt(first.span(), "cannot use assignment expressions with " + exprName(first));
        }
        if (!(isOp(t, ";") || t.kind() == Token.Kind.NEWLINE)) {
            throw statementEndError(first, start);
        }
        return new Stmt.ExprStmt(first, spanFrom(start));
    }

    /** An expression statement followed by something else: CPython's better guesses, else invalid syntax. */
    private ParseError statementEndError(Expr first, Token start) {
        if (first instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec"))
                && startsExpression(tok()) && !isOp("(")) {
            Expr rest = starExpressions();
            String name = n.id();
            return errorRange(first.span(), rest.span(), "Missing parentheses in call to '" + name + "'. Did you mean "
                    + name + "(...)?");
        }
        return invalidSyntax();
    }

    private void checkAnnotationTarget(Expr target, Token start) {
        if (target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript) {
            return;
        }
        if (target instanceof Expr.ListExpr) {
            throw errorAt(target.span(), "only single target (not list) can be annotated");
        }
        if (target instanceof Expr.TupleExpr t) {
            if (parenthesized.contains(t) || isOp(start, "(") && t.span().column() == start.col()
                    && t.elements().stream().noneMatch(e -> e.span().column() == start.col()
                    && e.span().line() == start.line())) {
                throw errorAt(target.span(), "only single target (not tuple) can be annotated");
            }
            throw errorAt(t.elements().get(0).span(), "only single target (not tuple) can be annotated");
        }
        throw errorAt(target.span(), "illegal target for annotation");
    }

    /**
     * Validates the targets of {@code t1 = t2 = ...} read so far (each followed by '='), with CPython's messages;
     * {@code firstEquals} is the index of the first '=' token.
     */
    private void checkAssignmentTargets(List<Expr> targets, int firstEquals) {
        Expr bad = null;
        for (Expr target : targets) {
            if (target instanceof Expr.Yield || target instanceof Expr.YieldFrom) {
                bad = target;
                break;
            }
            Expr inv = invalidTarget(target, Targets.STAR);
            if (inv != null) {
                bad = inv;
                break;
            }
        }
        if (bad == null) {
            return;
        }
        // CPython first re-reads the start as named expressions: "x + 1 = 2" gets a hint about '=='.
        Expr first = targets.get(0);
        Expr element = null;
        if (first instanceof Expr.TupleExpr t && !parenthesized.contains(t) && !isParenthesizedTuple(t)) {
            Expr last = t.elements().get(t.elements().size() - 1);
            if (last.span().endLine() == t.span().endLine() && last.span().endColumn() == t.span().endColumn()) {
                element = last;
            }
        } else if (!(first instanceof Expr.Starred)) {
            element = first;
        }
        if (element != null && !(element instanceof Expr.Starred)) {
            int save = p;
            int saveFurthest = furthest;
            Expr rhs = null;
            boolean followedByEquals = true;
            try {
                p = firstEquals + 1;
                if (startsExpression(tok()) && !isKeyword("not") && !isKeyword("lambda") && !isKeyword("yield")
                        && !isOp("*")) {
                    rhs = bitwiseOr();
                    followedByEquals = isOp("=") || isOp(":=");
                }
            } catch (ParseError e) {
                if (e.fromTokenizer) {
                    throw e;
                }
                rhs = null;
            } finally {
                p = save;
                furthest = saveFurthest;
            }
            if (rhs != null && !followedByEquals) {
                if (element instanceof Expr.Name && !parenthesized.contains(element)) {
                    throw errorRange(element.span(), rhs.span(),
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                }
                if (isBitwiseLevel(element) && !startsWithExcludedAtom(element)) {
                    throw errorAt(element.span(), "cannot assign to " + exprName(element)
                            + " here. Maybe you meant '==' instead of '='?");
                }
            }
        }
        if ((bad instanceof Expr.Yield || bad instanceof Expr.YieldFrom) && !parenthesized.contains(bad)) {
            // a bare yield before '=' (a parenthesized one is an invalid target like any other expression)
            throw errorAt(bad.span(), "assignment to yield expression not possible");
        }
        throw cannotAssign(bad, Targets.STAR);
    }

    /** The bitwise_or a right-hand side starts with, or null when it cannot start with one. */
    private Expr leadingBitwiseOr(Expr e) {
        while (true) {
            if (isBitwiseLevel(e)) {
                return e;
            }
            if (e instanceof Expr.TupleExpr t && !parenthesized.contains(t) && !t.elements().isEmpty()) {
                e = t.elements().get(0);
            } else if (e instanceof Expr.Compare c) {
                e = c.left();
            } else if (e instanceof Expr.BoolOp b) {
                e = b.values().get(0);
            } else if (e instanceof Expr.IfExp i) {
                e = i.body();
            } else {
                return null;
            }
        }
    }

    /** True when the bitwise_or rule alone could have produced {@code e}. */
    private boolean isBitwiseLevel(Expr e) {
        if (parenthesized.contains(e)) {
            return true;
        }
        return switch (e) {
            case Expr.BoolOp b -> false;
            case Expr.UnaryOp u -> u.op() != UnaryOpKind.NOT;
            case Expr.Compare c -> false;
            case Expr.IfExp i -> false;
            case Expr.Lambda l -> false;
            case Expr.Starred s -> false;
            case Expr.NamedExpr n -> false;
            case Expr.Yield y -> false;
            case Expr.YieldFrom y -> false;
            case Expr.TupleExpr t -> isParenthesizedTuple(t);
            default -> true;
        };
    }

    private boolean isParenthesizedTuple(Expr.TupleExpr t) {
        if (t.elements().isEmpty()) {
            return true;
        }
        Span first = t.elements().get(0).span();
        return !(first.line() == t.span().line() && first.column() == t.span().column());
    }

    /** CPython's {@code !(list|tuple|genexp|'True'|'None'|'False')} before "cannot assign to %s here". */
    private boolean startsWithExcludedAtom(Expr e) {
        Expr cur = e;
        while (true) {
            Expr child = switch (cur) {
                case Expr.BinOp b -> b.left();
                case Expr.Call c -> c.function();
                case Expr.Attribute a -> a.value();
                case Expr.Subscript s -> s.value();
                default -> null;
            };
            if (child == null || child.span().line() != cur.span().line()
                    || child.span().column() != cur.span().column()) {
                break;
            }
            cur = child;
        }
        return switch (cur) {
            case Expr.ListExpr l -> true;
            case Expr.TupleExpr t -> isParenthesizedTuple(t) || parenthesized.contains(t);
            case Expr.GeneratorExp g -> true;
            case Expr.Constant c -> c.value() != Singleton.ELLIPSIS;
            default -> false;
        };
    }

    // ================================================================ targets

    /** CPython's _PyPegen_get_invalid_target: the first part of {@code e} that cannot be assigned, or null. */
    private static Expr invalidTarget(Expr e, Targets kind) {
        return switch (e) {
            case Expr.ListExpr l -> firstInvalid(l.elements(), kind);
            case Expr.TupleExpr t -> firstInvalid(t.elements(), kind);
            case Expr.Starred s -> kind == Targets.DEL ? e : invalidTarget(s.value(), kind);
            case Expr.Compare c -> {
                if (kind == Targets.FOR) {
                    yield c.ops().get(0) == CmpOpKind.IN ? invalidTarget(c.left(), kind) : null;
                }
                yield e;
            }
            case Expr.Name n -> null;
            case Expr.Subscript s -> null;
            case Expr.Attribute a -> null;
            default -> e;
        };
    }

    private static Expr firstInvalid(List<Expr> elements, Targets kind) {
        for (Expr e : elements) {
            Expr bad = invalidTarget(e, kind);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** CPython's invalid_for_target: the target re-read as star_expressions, blamed if it cannot be assigned. */
    private ParseError badForTarget(Token targetStart) {
        ParseError generic = invalidSyntax();
        int save = p;
        int saveFurthest = furthest;
        try {
            p = indexOf(targetStart);
            Expr e = starExpressions();
            Expr bad = invalidTarget(e, Targets.FOR);
            return bad != null ? cannotAssign(bad, Targets.FOR) : generic;
        } catch (ParseError e) {
            if (e.fromTokenizer || !e.message.equals("invalid syntax")) {
                throw e;
            }
            return generic;
        } finally {
            p = save;
            furthest = saveFurthest;
        }
    }

    private void checkTarget(Expr target, Targets kind) {
        Expr bad = invalidTarget(target, kind);
        if (bad != null) {
            throw cannotAssign(bad, kind);
        }
    }

    private ParseError cannotAssign(Expr bad, Targets kind) {
        return errorAt(bad.span(), (kind == Targets.DEL ? "cannot delete " : "cannot assign to ") + exprName(bad));
    }

    /** CPython's _PyPegen_get_expr_name. */
    static String exprName(Expr e) {
        return switch (e) {
            case Expr.Attribute a -> "attribute";
            case Expr.Subscript s -> "subscript";
            case Expr.Starred s -> "starred";
            case Expr.Name n -> "name";
            case Expr.ListExpr l -> "list";
            case Expr.TupleExpr t -> "tuple";
            case Expr.Lambda l -> "lambda";
            case Expr.Call c -> "function call";
            case Expr.BoolOp b -> "expression";
            case Expr.BinOp b -> "expression";
            case Expr.UnaryOp u -> "expression";
            case Expr.GeneratorExp g -> "generator expression";
            case Expr.Yield y -> "yield expression";
            case Expr.YieldFrom y -> "yield expression";
            case Expr.Await a -> "await expression";
            case Expr.ListComp l -> "list comprehension";
            case Expr.SetComp s -> "set comprehension";
            case Expr.DictComp d -> "dict comprehension";
            case Expr.DictExpr d -> "dict literal";
            case Expr.SetExpr s -> "set display";
            case Expr.JoinedStr j -> "f-string expression";
            case Expr.FormattedValue f -> "f-string expression";
            case Expr.Constant c -> switch (c.value()) {
                case NONE -> "None";
                case TRUE -> "True";
                case FALSE -> "False";
                case ELLIPSIS -> "ellipsis";
            };
            case Expr.Compare c -> "comparison";
            case Expr.IfExp i -> "conditional expression";
            case Expr.NamedExpr n -> "named expression";
            default -> "literal";
        };
    }

    /** star_targets of for loops and comprehensions: elements stop before 'in'. */
    private Expr targetList() {
        Token start = tok();
        Expr first = targetElement();
        if (!isOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (isOp(",")) {
            p++;
            if (!startsExpression(tok())) {
                break;
            }
            elements.add(targetElement());
        }
        return new Expr.TupleExpr(List.copyOf(elements), spanFrom(start));
    }

    private Expr targetElement() {
        if (isOp("*")) {
            Token star = next();
            Expr value = bitwiseOr();
            return new Expr.Starred(value, spanFrom(star));
        }
        return bitwiseOr();
    }

    // ================================================================ expressions

    /** Whether {@code t} can start an expression (used to decide between "return" and "return value"...). */
    private boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME -> !KEYWORDS.contains(t.text()) || switch (t.text()) {
                case "None", "True", "False", "not", "lambda", "await", "yield" -> true;
                default -> false;
            };
            case NUMBER, STRING, FSTRING_START -> true;
            case OP -> switch (t.text()) {
                case "(", "[", "{", "-", "+", "~", "*", "..." -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** star_expressions: a tuple when there are commas. */
    Expr starExpressions() {
        Token start = tok();
        Expr first = starExpression();
        if (!isOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (isOp(",")) {
            p++;
            if (!startsExpression(tok()) || isKeyword("yield")) {
                break;
            }
            elements.add(starExpression());
        }
        return new Expr.TupleExpr(List.copyOf(elements), spanFrom(start));
    }

    private Expr starExpression() {
        if (isOp("*")) {
            Token star = next();
            Expr value = bitwiseOr();
            return new Expr.Starred(value, spanFrom(star));
        }
        return expression();
    }

    private Expr starNamedExpression() {
        if (isOp("*")) {
            Token star = next();
            Expr value = bitwiseOr();
            return new Expr.Starred(value, spanFrom(star));
        }
        return namedExpression();
    }

    /** star_named_expressions as a tuple (the subject of a match statement). */
    private Expr starNamedExpressionsAsTuple() {
        Token start = tok();
        Expr first = starNamedExpression();
        if (!isOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (isOp(",")) {
            p++;
            if (!startsExpression(tok())) {
                break;
            }
            elements.add(starNamedExpression());
        }
        return new Expr.TupleExpr(List.copyOf(elements), spanFrom(start));
    }

    /** named_expression: {@code NAME := expression} or an expression, with CPython's hints about '='. */
    Expr namedExpression() {
        Token start = tok();
        if (isName(start) && isOp(peek(1), ":=")) {
            p += 2;
            Expr value = expression();
            return new Expr.NamedExpr(new Expr.Name(start.text(), start.span()), value, spanFrom(start));
        }
        Expr e = expression();
        if (isOp(":=")) {
            throw errorAt(e.span(), "cannot use assignment expressions with " + exprName(e));
        }
        if (isOp("=")) {
            equalsInsteadOfComparison(e);
        }
        return e;
    }

    /** {@code if x = 1:} and friends: CPython suggests '==' (only when the '=' is not itself assigned to). */
    private void equalsInsteadOfComparison(Expr e) {
        int save = p;
        int saveFurthest = furthest;
        try {
            p++;
            if (!startsExpression(tok()) || isKeyword("not") || isKeyword("lambda") || isKeyword("yield")
                    || isOp("*")) {
                return;
            }
            Expr rhs = bitwiseOr();
            if (isOp("=") || isOp(":=")) {
                return;
            }
            if (e instanceof Expr.Name && !parenthesized.contains(e)) {
                throw errorRange(e.span(), rhs.span(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            if (isBitwiseLevel(e) && !startsWithExcludedAtom(e)) {
                throw errorAt(e.span(), "cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?");
            }
        } catch (ParseError err) {
            if (err.fromTokenizer || err.message.startsWith("invalid syntax. Maybe")
                    || err.message.startsWith("cannot assign to")) {
                throw err;
            }
        } finally {
            p = save;
            furthest = saveFurthest;
        }
    }

    Expr expression() {
        enter();
        try {
            if (isKeyword("lambda")) {
                return lambda();
            }
            Token start = tok();
            Expr body = disjunction();
            if (!withoutInvalid && startsAdjacentExpression(tok())) {
                forgotComma(start, body);
            }
            if (isKeyword("if")) {
                int save = p;
                if (withoutInvalid) {
                    // expression_without_invalid falls back to the bare disjunction when the rest does not parse.
                    try {
                        p++;
                        Expr test = disjunction();
                        if (isKeyword("else")) {
                            p++;
                            Expr orElse = expression();
                            return new Expr.IfExp(test, body, orElse, spanFrom(start));
                        }
                    } catch (ParseError e) {
                        if (e.fromTokenizer) {
                            throw e;
                        }
                    }
                    p = save;
                    return body;
                }
                p++;
                Expr test;
                try {
                    test = disjunction();
                } catch (ParseError e) {
                    if (!canBacktrack(e)) {
                        throw e;
                    }
                    p = save;
                    return body;
                }
                if (!isKeyword("else")) {
                    if (!isOp(":")) {
                        throw errorRange(body.span(), test.span(), "expected 'else' after 'if' expression");
                    }
                    throw invalidSyntax();
                }
                p++;
                Expr orElse = expression();
                return new Expr.IfExp(test, body, orElse, spanFrom(start));
            }
            return body;
        } finally {
            leave();
        }
    }

    private Expr lambda() {
        Token kw = next();
        Node.Arguments args = parameters(":", true);
        if (isKind(Token.Kind.FSTRING_SPEC_COLON)) {
            throw errorRange(kw.span(), tok().span(), "f-string: lambda expressions are not allowed without parentheses");
        }
        expectOp(":");
        Expr body = expression();
        return new Expr.Lambda(args, body, spanFrom(kw));
    }

    private Expr disjunction() {
        Token start = tok();
        Expr first = conjunction();
        if (!isKeyword("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (isKeyword("or")) {
            int save = p++;
            try {
                values.add(conjunction());
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                break;
            }
        }
        if (values.size() == 1) {
            return first;
        }
        return new Expr.BoolOp(Expr.BoolOpKind.OR, List.copyOf(values), spanFrom(start));
    }

    private Expr conjunction() {
        Token start = tok();
        Expr first = inversion();
        if (!isKeyword("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (isKeyword("and")) {
            int save = p++;
            try {
                values.add(inversion());
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                break;
            }
        }
        if (values.size() == 1) {
            return first;
        }
        return new Expr.BoolOp(Expr.BoolOpKind.AND, List.copyOf(values), spanFrom(start));
    }

    private Expr inversion() {
        if (isKeyword("not")) {
            Token kw = next();
            enter();
            try {
                Expr operand = inversion();
                return new Expr.UnaryOp(UnaryOpKind.NOT, operand, spanFrom(kw));
            } finally {
                leave();
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Token start = tok();
        Expr left = bitwiseOr();
        List<CmpOpKind> ops = null;
        List<Expr> comparators = null;
        while (true) {
            int save = p;
            CmpOpKind op = comparisonOperator();
            if (op == null) {
                break;
            }
            Expr right;
            try {
                right = bitwiseOr();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                break;
            }
            if (ops == null) {
                ops = new ArrayList<>();
                comparators = new ArrayList<>();
            }
            ops.add(op);
            comparators.add(right);
        }
        if (ops == null) {
            return left;
        }
        return new Expr.Compare(left, List.copyOf(ops), List.copyOf(comparators), spanFrom(start));
    }

    /** Consumes a comparison operator and returns it, or returns null. */
    private CmpOpKind comparisonOperator() {
        Token t = tok();
        if (t.kind() == Token.Kind.OP) {
            CmpOpKind op = switch (t.text()) {
                case "==" -> CmpOpKind.EQ;
                case "!=" -> CmpOpKind.NOT_EQ;
                case "<" -> CmpOpKind.LT;
                case "<=" -> CmpOpKind.LT_E;
                case ">" -> CmpOpKind.GT;
                case ">=" -> CmpOpKind.GT_E;
                default -> null;
            };
            if (op != null) {
                p++;
            }
            return op;
        }
        if (t.kind() == Token.Kind.NAME) {
            switch (t.text()) {
                case "in" -> {
                    p++;
                    return CmpOpKind.IN;
                }
                case "not" -> {
                    if (isKeyword(peek(1), "in")) {
                        p += 2;
                        return CmpOpKind.NOT_IN;
                    }
                }
                case "is" -> {
                    p++;
                    if (isKeyword("not")) {
                        p++;
                        return CmpOpKind.IS_NOT;
                    }
                    return CmpOpKind.IS;
                }
                default -> { }
            }
        }
        return null;
    }

    Expr bitwiseOr() {
        Token start = tok();
        Expr left = bitwiseXor();
        while (isOp("|")) {
            int save = p++;
            Expr right;
            try {
                right = bitwiseXor();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, BinOpKind.BIT_OR, right, spanFrom(start));
        }
        return left;
    }

    private Expr bitwiseXor() {
        Token start = tok();
        Expr left = bitwiseAnd();
        while (isOp("^")) {
            int save = p++;
            Expr right;
            try {
                right = bitwiseAnd();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, BinOpKind.BIT_XOR, right, spanFrom(start));
        }
        return left;
    }

    private Expr bitwiseAnd() {
        Token start = tok();
        Expr left = shiftExpr();
        while (isOp("&")) {
            int save = p++;
            Expr right;
            try {
                right = shiftExpr();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, BinOpKind.BIT_AND, right, spanFrom(start));
        }
        return left;
    }

    private Expr shiftExpr() {
        Token start = tok();
        Expr left = sum();
        while (isOp("<<") || isOp(">>")) {
            int save = p;
            BinOpKind op = next().text().equals("<<") ? BinOpKind.L_SHIFT : BinOpKind.R_SHIFT;
            Expr right;
            try {
                right = sum();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, op, right, spanFrom(start));
        }
        return left;
    }

    private Expr sum() {
        Token start = tok();
        Expr left = term();
        while (isOp("+") || isOp("-")) {
            int save = p;
            BinOpKind op = next().text().equals("+") ? BinOpKind.ADD : BinOpKind.SUB;
            Expr right;
            try {
                right = term();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, op, right, spanFrom(start));
        }
        return left;
    }

    private Expr term() {
        Token start = tok();
        Expr left = factor();
        while (true) {
            Token t = tok();
            if (t.kind() != Token.Kind.OP) {
                return left;
            }
            BinOpKind op = switch (t.text()) {
                case "*" -> BinOpKind.MULT;
                case "/" -> BinOpKind.DIV;
                case "//" -> BinOpKind.FLOOR_DIV;
                case "%" -> BinOpKind.MOD;
                case "@" -> BinOpKind.MAT_MULT;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            int save = p++;
            Expr right;
            try {
                right = factor();
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return left;
            }
            left = new Expr.BinOp(left, op, right, spanFrom(start));
        }
    }

    private static BinOpKind binOpOf(String symbol) {
        for (BinOpKind k : BinOpKind.values()) {
            if (k.symbol.equals(symbol)) {
                return k;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    private Expr factor() {
        Token t = tok();
        if (t.kind() == Token.Kind.OP && (t.text().equals("+") || t.text().equals("-") || t.text().equals("~"))) {
            p++;
            UnaryOpKind op = switch (t.text()) {
                case "+" -> UnaryOpKind.UADD;
                case "-" -> UnaryOpKind.USUB;
                default -> UnaryOpKind.INVERT;
            };
            enter();
            try {
                Expr operand = factor();
                return new Expr.UnaryOp(op, operand, spanFrom(t));
            } finally {
                leave();
            }
        }
        return power();
    }

    private Expr power() {
        Token start = tok();
        Expr base = awaitPrimary();
        if (isOp("**")) {
            int save = p++;
            enter();
            try {
                Expr exponent = factor();
                return new Expr.BinOp(base, BinOpKind.POW, exponent, spanFrom(start));
            } catch (ParseError e) {
                if (!canBacktrack(e)) {
                    throw e;
                }
                p = save;
                return base;
            } finally {
                leave();
            }
        }
        return base;
    }

    private Expr awaitPrimary() {
        if (isKeyword("await")) {
            Token kw = next();
            Expr value = primary();
            return new Expr.Await(value, spanFrom(kw));
        }
        return primary();
    }

    private Expr primary() {
        Token start = tok();
        Expr e = atom();
        while (true) {
            Token t = tok();
            if (t.kind() != Token.Kind.OP) {
                return e;
            }
            switch (t.text()) {
                case "." -> {
                    if (!isName(peek(1))) {
                        // Not an attribute: the primary ends before the '.', as a PEG parser would leave it.
                        return e;
                    }
                    p++;
                    Token name = next();
                    e = new Expr.Attribute(e, name.text(), spanFrom(start));
                }
                case "(", "[" -> {
                    // Like CPython's PEG rule, a call or subscript that does not parse leaves the primary as it was.
                    int save = p;
                    try {
                        p++;
                        if (t.text().equals("(")) {
                            CallArgs a = callArguments(t);
                            e = new Expr.Call(e, a.args, a.keywords, spanFrom(start));
                        } else {
                            Expr index = slices();
                            expectOp("]");
                            e = new Expr.Subscript(e, index, spanFrom(start));
                        }
                    } catch (ParseError err) {
                        if (err.fromTokenizer || !err.message.equals("invalid syntax")) {
                            throw err;
                        }
                        p = save;
                        return e;
                    }
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private record CallArgs(List<Expr> args, List<Node.Keyword> keywords) {}

    /** Arguments after {@code open} up to and including ')'; a sole generator expression takes the parentheses. */
    private CallArgs callArguments(Token open) {
        return callArguments(open, true);
    }

    private CallArgs callArguments(Token open, boolean allowGenerator) {
        enter();
        try {
            List<Expr> args = new ArrayList<>();
            List<Node.Keyword> keywords = new ArrayList<>();
            boolean seenKeyword = false;
            boolean seenDoubleStar = false;
            String orderError = null;
            while (!isOp(")")) {
                Token start = tok();
                if (isOp("*")) {
                    p++;
                    boolean bare = isOp(",") || isOp(")");
                    if (seenDoubleStar || bare && seenKeyword) {
                        throw errorAt(start, "iterable argument unpacking follows keyword argument unpacking");
                    }
                    Expr value = expression();
                    Expr starred = new Expr.Starred(value, spanFrom(start));
                    if (isOp("=")) {
                        p++;
                        Expr rhs = expression();
                        throw errorRange(start.span(), rhs.span(), "cannot assign to iterable argument unpacking");
                    }
                    args.add(starred);
                } else if (isOp("**")) {
                    p++;
                    Expr value = expression();
                    if (isOp("=")) {
                        p++;
                        Expr rhs = expression();
                        throw errorRange(start.span(), rhs.span(), "cannot assign to keyword argument unpacking");
                    }
                    keywords.add(new Node.Keyword(null, value, spanFrom(start)));
                    seenDoubleStar = true;
                } else if (isName(start) && isOp(peek(1), "=")) {
                    Token eq = peek(1);
                    p += 2;
                    if (isOp(",") || isOp(")")) {
                        throw errorRange(start.span(), eq.span(), "expected argument value expression");
                    }
                    Expr value = expression();
                    if (isKeyword("for") || isKeyword("async")) {
                        throw errorRange(start.span(), eq.span(),
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                    }
                    keywords.add(new Node.Keyword(start.text(), value, spanFrom(start)));
                    seenKeyword = true;
                } else {
                    Expr value;
                    if (isName(start) && isOp(peek(1), ":=")) {
                        value = namedExpression();
                    } else {
                        value = expression();
                    }
                    if (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
                        if (!allowGenerator) {
                            throw invalidSyntax();
                        }
                        List<Node.Comprehension> gens = comprehensionClauses();
                        boolean sole = args.isEmpty() && keywords.isEmpty() && isOp(")");
                        if (!sole && args.isEmpty() && keywords.isEmpty() && !isOp(",")) {
                            throw invalidSyntax();
                        }
                        if (!sole) {
                            Token last = prev();
                            throw errorRange(value.span(), last.span(), "Generator expression must be parenthesized");
                        }
                        p++;
                        Expr genexp = new Expr.GeneratorExp(value, gens, spanFrom(open));
                        return new CallArgs(List.of(genexp), List.of());
                    }
                    if (isOp("=") && !(value instanceof Expr.NamedExpr)) {
                        Token eq = tok();
                        if (value instanceof Expr.Constant c && c.value() != Singleton.ELLIPSIS) {
                            throw errorRange(value.span(), eq.span(), "cannot assign to " + exprName(value));
                        }
                        throw errorRange(value.span(), eq.span(),
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                    }
                    if (orderError == null && seenDoubleStar) {
                        orderError = "positional argument follows keyword argument unpacking";
                    } else if (orderError == null && seenKeyword) {
                        orderError = "positional argument follows keyword argument";
                    }
                    args.add(value);
                }
                if (isOp(",")) {
                    p++;
                } else if (!isOp(")")) {
                    throw missingComma(start);
                }
            }
            if (orderError != null) {
                // CPython reports it where it stopped reading the arguments: the closing parenthesis.
                throw errorAt(tok(), orderError);
            }
            p++;
            return new CallArgs(List.copyOf(args), List.copyOf(keywords));
        } finally {
            leave();
        }
    }

    /**
     * Two expressions side by side inside brackets: "invalid syntax. Perhaps you forgot a comma?" as CPython
     * says when the element and what follows both parse (and the element does not start with a name followed by
     * a string, nor with a soft keyword).
     */
    private ParseError missingComma(Token elementStart) {
        ParseError generic = invalidSyntax();
        if (withoutInvalid) {
            return generic;
        }
        Token here = tok();
        if (!startsExpression(here) || isKeyword("yield") || isOp("*")) {
            return generic;
        }
        if (elementStart.kind() == Token.Kind.NAME && (isSoftKeyword(elementStart.text())
                || indexOf(elementStart) + 1 < toks.length
                && toks[indexOf(elementStart) + 1].kind() == Token.Kind.STRING)) {
            return generic;
        }
        int save = p;
        int saveFurthest = furthest;
        try {
            p = indexOf(elementStart);
            Expr a = disjunction();
            if (p != save) {
                return generic;
            }
            Expr b = expression();
            return errorRange(a.span(), b.span(), "invalid syntax. Perhaps you forgot a comma?");
        } catch (ParseError e) {
            if (e.fromTokenizer) {
                throw e;
            }
            return generic;
        } finally {
            p = save;
            furthest = saveFurthest;
        }
    }

    /** A token that can start an expression but never legitimately follows one. */
    private boolean startsAdjacentExpression(Token t) {
        return switch (t.kind()) {
            case NAME -> !KEYWORDS.contains(t.text()) || switch (t.text()) {
                case "None", "True", "False", "lambda", "await", "not" -> true;
                default -> false;
            };
            case NUMBER, STRING, FSTRING_START -> true;
            case OP -> switch (t.text()) {
                // '(' and '[' only follow an expression when a call or subscript failed to parse.
                case "{", "~", "...", "(", "[" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * CPython's invalid_expression: an expression right after another, inside brackets, is a missing comma
     * ("invalid syntax. Perhaps you forgot a comma?" over both). Outside brackets nothing is raised here.
     */
    private void forgotComma(Token aStart, Expr a) {
        forgotCommaCheck(aStart, a);
        legacyPrint(a);
    }

    /**
     * CPython's invalid_legacy_expression: a name followed by an expression reads that expression (which may
     * meet a tokenizer error) and, for print and exec, says "Missing parentheses in call to 'print'".
     */
    private void legacyPrint(Expr a) {
        if (!(a instanceof Expr.Name n) || isOp("(")) {
            return;
        }
        int save = p;
        int saveFurthest = furthest;
        Expr b;
        try {
            b = starExpressions();
        } catch (ParseError e) {
            if (e.fromTokenizer) {
                throw e;
            }
            return;
        } finally {
            p = save;
            furthest = saveFurthest;
        }
        if (n.id().equals("print") || n.id().equals("exec")) {
            throw errorRange(a.span(), b.span(), "Missing parentheses in call to '" + n.id() + "'. Did you mean "
                    + n.id() + "(...)?");
        }
    }

    private void forgotCommaCheck(Token aStart, Expr a) {
        if (aStart.kind() == Token.Kind.NAME) {
            Token after = toks[Math.min(indexOf(aStart) + 1, toks.length - 1)];
            if (isSoftKeyword(aStart.text()) || after.kind() == Token.Kind.STRING) {
                return;
            }
        }
        if (a instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec"))) {
            return;
        }
        int save = p;
        int saveFurthest = furthest;
        Expr b;
        int lastIndex;
        try {
            withoutInvalid = true;
            b = expression();
            lastIndex = p - 1;
        } catch (ParseError e) {
            if (e.fromTokenizer) {
                throw e;
            }
            return;
        } finally {
            withoutInvalid = false;
            p = save;
            furthest = saveFurthest;
        }
        if (levels[lastIndex] > 0) {
            throw errorRange(a.span(), b.span(), "invalid syntax. Perhaps you forgot a comma?");
        }
    }

    /**
     * CPython 3.12's soft keyword test compares only as many characters as the name has, so any prefix of
     * "match", "case", "type" or "_" counts (and suppresses the "forgot a comma" hint); kept for fidelity.
     */
    private static boolean isSoftKeyword(String name) {
        return "match".startsWith(name) || "case".startsWith(name) || "type".startsWith(name) || name.equals("_");
    }

    /** The inside of a subscript: a slice, an expression, or a tuple of them. */
    private Expr slices() {
        Token start = tok();
        Expr first = isOp("*") ? starExpressionInSubscript() : slice();
        if (!isOp(",") && !(first instanceof Expr.Starred)) {
            if (!isOp("]")) {
                throw missingComma(start);
            }
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (isOp(",")) {
            p++;
            if (isOp("]")) {
                break;
            }
            elements.add(isOp("*") ? starExpressionInSubscript() : slice());
        }
        if (!isOp("]")) {
            throw missingComma(start);
        }
        return new Expr.TupleExpr(List.copyOf(elements), spanFrom(start));
    }

    private Expr starExpressionInSubscript() {
        Token star = next();
        Expr value = expression();
        return new Expr.Starred(value, spanFrom(star));
    }

    private Expr slice() {
        Token start = tok();
        Expr lower = null;
        if (!isOp(":")) {
            if (isName(start) && isOp(peek(1), ":=")) {
                return namedExpression();
            }
            lower = expression();
            if (!isOp(":")) {
                if (isOp(":=")) {
                    throw errorAt(lower.span(), "cannot use assignment expressions with " + exprName(lower));
                }
                if (isOp("=")) {
                    equalsInsteadOfComparison(lower);
                }
                return lower;
            }
        }
        p++;
        Expr upper = null;
        Expr step = null;
        if (!isOp(":") && !isOp(",") && !isOp("]")) {
            upper = expression();
        }
        if (isOp(":")) {
            p++;
            if (!isOp(",") && !isOp("]")) {
                step = expression();
            }
        }
        return new Expr.Slice(lower, upper, step, spanFrom(start));
    }

    private Expr atom() {
        Token t = tok();
        switch (t.kind()) {
            case NAME -> {
                switch (t.text()) {
                    case "None" -> {
                        p++;
                        return new Expr.Constant(Singleton.NONE, t.span());
                    }
                    case "True" -> {
                        p++;
                        return new Expr.Constant(Singleton.TRUE, t.span());
                    }
                    case "False" -> {
                        p++;
                        return new Expr.Constant(Singleton.FALSE, t.span());
                    }
                    default -> {
                        if (KEYWORDS.contains(t.text())) {
                            throw invalidSyntax();
                        }
                        p++;
                        return new Expr.Name(t.text(), t.span());
                    }
                }
            }
            case NUMBER -> {
                p++;
                return number(t);
            }
            case STRING, FSTRING_START -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesized();
                    }
                    case "[" -> {
                        return list();
                    }
                    case "{" -> {
                        return dictOrSet();
                    }
                    case "..." -> {
                        p++;
                        return new Expr.Constant(Singleton.ELLIPSIS, t.span());
                    }
                    default -> throw invalidSyntax();
                }
            }
            default -> throw invalidSyntax();
        }
    }

    private Expr number(Token t) {
        String text = t.text().replace("_", "");
        char last = text.charAt(text.length() - 1);
        if (last == 'j' || last == 'J') {
            return new Expr.Imaginary(Double.parseDouble(text.substring(0, text.length() - 1)), t.span());
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            char radix = Character.toLowerCase(text.charAt(1));
            if (radix == 'x' || radix == 'o' || radix == 'b') {
                int r = radix == 'x' ? 16 : radix == 'o' ? 8 : 2;
                return new Expr.Int(new BigInteger(text.substring(2), r), t.span());
            }
        }
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return new Expr.Float(Double.parseDouble(text), t.span());
        }
        if (text.length() > 4300) {
            throw new ParseError(Kind.SYNTAX_ERROR, "Exceeds the limit (4300 digits) for integer string conversion: value has "
                    + text.length() + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                    + "hexadecimal for huge integer literals to avoid decimal conversion limits.", t.line(), 0, t.line(), 0, p);
        }
        return new Expr.Int(new BigInteger(text), t.span());
    }

    private Expr parenthesized() {
        Token open = next();
        enter();
        try {
            if (isOp(")")) {
                p++;
                return new Expr.TupleExpr(List.of(), spanFrom(open));
            }
            if (isKeyword("yield")) {
                Expr y = yieldExpression();
                expectOp(")");
                parenthesized.add(y);
                return y;
            }
            if (isOp("**")) {
                Token star = next();
                expression();
                throw errorAt(star, "cannot use double starred expression here");
            }
            Expr first = starNamedExpression();
            if (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                }
                List<Node.Comprehension> gens = comprehensionClauses();
                expectOp(")");
                return new Expr.GeneratorExp(first, gens, spanFrom(open));
            }
            if (isOp(")")) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "cannot use starred expression here");
                }
                p++;
                parenthesized.add(first);
                return first;
            }
            if (!isOp(",")) {
                throw missingComma(toks[indexOf(open) + 1]);
            }
            List<Expr> elements = new ArrayList<>();
            elements.add(first);
            while (isOp(",")) {
                p++;
                if (isOp(")")) {
                    break;
                }
                Token elementStart = tok();
                elements.add(starNamedExpression());
                if (!isOp(",") && !isOp(")")) {
                    throw missingComma(elementStart);
                }
            }
            expectOp(")");
            return new Expr.TupleExpr(List.copyOf(elements), spanFrom(open));
        } finally {
            leave();
        }
    }

    private Expr list() {
        Token open = next();
        enter();
        try {
            if (isOp("]")) {
                p++;
                return new Expr.ListExpr(List.of(), spanFrom(open));
            }
            Token firstStart = tok();
            Expr first = starNamedExpression();
            if (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                }
                List<Node.Comprehension> gens = comprehensionClauses();
                expectOp("]");
                return new Expr.ListComp(first, gens, spanFrom(open));
            }
            List<Expr> elements = new ArrayList<>();
            elements.add(first);
            Token elementStart = firstStart;
            while (true) {
                if (isOp(",")) {
                    p++;
                    if (isOp("]")) {
                        break;
                    }
                    elementStart = tok();
                    elements.add(starNamedExpression());
                    if (isKeyword("for")) {
                        throw forgotParentheses(elements);
                    }
                } else if (isOp("]")) {
                    break;
                } else {
                    throw missingComma(elementStart);
                }
            }
            if (isKeyword("for")) {
                throw forgotParentheses(elements);
            }
            expectOp("]");
            return new Expr.ListExpr(List.copyOf(elements), spanFrom(open));
        } finally {
            leave();
        }
    }

    private ParseError forgotParentheses(List<Expr> elements) {
        return errorRange(elements.get(0).span(), elements.get(elements.size() - 1).span(),
                "did you forget parentheses around the comprehension target?");
    }

    private Expr dictOrSet() {
        Token open = next();
        enter();
        try {
            if (isOp("}")) {
                p++;
                return new Expr.DictExpr(List.of(), List.of(), spanFrom(open));
            }
            if (isOp("**")) {
                Token star = tok();
                p++;
                Token valueStart = tok();
                Expr value = bitwiseOr();
                if (isKeyword("for")) {
                    throw errorAt(star, "dict unpacking cannot be used in dict comprehension");
                }
                return dictRest(open, null, value, valueStart);
            }
            Token firstStart = tok();
            Expr first = starNamedExpression();
            if (isOp(":") && !(first instanceof Expr.Starred)) {
                p++;
                Token valueStart = tok();
                Expr value = dictValue(first);
                if (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
                    List<Node.Comprehension> gens = comprehensionClauses();
                    expectOp("}");
                    return new Expr.DictComp(first, value, gens, spanFrom(open));
                }
                return dictRest(open, first, value, valueStart);
            }
            if (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                }
                List<Node.Comprehension> gens = comprehensionClauses();
                expectOp("}");
                return new Expr.SetComp(first, gens, spanFrom(open));
            }
            List<Expr> elements = new ArrayList<>();
            elements.add(first);
            Token elementStart = firstStart;
            while (true) {
                if (isOp(",")) {
                    p++;
                    if (isOp("}")) {
                        break;
                    }
                    elementStart = tok();
                    elements.add(starNamedExpression());
                    if (isKeyword("for")) {
                        throw forgotParentheses(elements);
                    }
                } else if (isOp("}")) {
                    break;
                } else {
                    throw missingComma(elementStart);
                }
            }
            if (isKeyword("for")) {
                throw forgotParentheses(elements);
            }
            expectOp("}");
            return new Expr.SetExpr(List.copyOf(elements), spanFrom(open));
        } finally {
            leave();
        }
    }

    private Expr dictValue(Expr key) {
        if (isOp("*")) {
            Token star = next();
            Expr v = bitwiseOr();
            throw errorAt(spanFrom(star, v.span()), "cannot use a starred expression in a dictionary value");
        }
        if (isOp("}") || isOp(",")) {
            Token colon = prev();
            throw errorAt(colon, "expression expected after dictionary key and ':'");
        }
        return expression();
    }

    private Expr dictRest(Token open, Expr firstKey, Expr firstValue, Token firstValueStart) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        keys.add(firstKey);
        values.add(firstValue);
        Token valueStart = firstValueStart;
        while (true) {
            if (!isOp(",")) {
                if (!isOp("}")) {
                    throw missingComma(valueStart);
                }
                break;
            }
            p++;
            if (isOp("}")) {
                break;
            }
            if (isOp("**")) {
                p++;
                keys.add(null);
                valueStart = tok();
                values.add(bitwiseOr());
                continue;
            }
            Expr key;
            boolean saved = withoutInvalid;
            withoutInvalid = true;
            try {
                key = expression();
            } finally {
                withoutInvalid = saved;
            }
            if (!isOp(":")) {
                // CPython's invalid_kvpair: the column is the key's last character, the end unknown.
                Span s = key.span();
                throw new ParseError(Kind.SYNTAX_ERROR, "':' expected after dictionary key", s.endLine(),
                        s.endColumn(), s.endLine(), 0, p);
            }
            p++;
            keys.add(key);
            valueStart = tok();
            values.add(dictValue(key));
        }
        expectOp("}");
        return new Expr.DictExpr(Collections.unmodifiableList(keys), List.copyOf(values), spanFrom(open));
    }

    private List<Node.Comprehension> comprehensionClauses() {
        List<Node.Comprehension> gens = new ArrayList<>();
        while (isKeyword("for") || isKeyword("async") && isKeyword(peek(1), "for")) {
            Token start = tok();
            boolean isAsync = false;
            if (isKeyword("async")) {
                p++;
                isAsync = true;
            }
            p++;
            Token targetStart = tok();
            Expr target = targetList();
            if (!isKeyword("in")) {
                throw badForTarget(targetStart);
            }
            p++;
            checkTarget(target, Targets.FOR);
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (isKeyword("if")) {
                p++;
                ifs.add(disjunction());
            }
            gens.add(new Node.Comprehension(target, iter, List.copyOf(ifs), isAsync, spanFrom(start)));
        }
        return List.copyOf(gens);
    }

    private Expr yieldExpression() {
        Token kw = next();
        if (isKeyword("from")) {
            p++;
            Expr value = expression();
            return new Expr.YieldFrom(value, spanFrom(kw));
        }
        Expr value = null;
        if (startsExpression(tok()) && !isKeyword("yield")) {
            value = starExpressions();
        }
        return new Expr.Yield(value, spanFrom(kw));
    }

    // ================================================================ parameters

    /** Parameters of a def (closed by ')') or a lambda (closed by ':'). */
    private Node.Arguments parameters(String closer, boolean lambda) {
        Token start = tok();
        List<Node.Arg> posOnly = new ArrayList<>();
        List<Node.Arg> args = new ArrayList<>();
        Node.Arg varArg = null;
        List<Node.Arg> kwOnly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Node.Arg kwArg = null;
        List<Expr> defaults = new ArrayList<>();
        boolean seenSlash = false;
        boolean seenStar = false;
        boolean defaultBeforeSlash = false;
        int defaultsAtSlash = 0;
        Token bareStar = null;
        while (!isOp(closer) && !(lambda && isKind(Token.Kind.FSTRING_SPEC_COLON))) {
            Token t = tok();
            if (isOp(t, "/")) {
                if (seenSlash) {
                    throw errorAt(t, "/ may appear only once");
                }
                if (seenStar) {
                    throw errorAt(t, "/ must be ahead of *");
                }
                if (args.isEmpty()) {
                    if (isOp(peekQuiet(1), ",")) {
                        throw errorAt(t, "at least one argument must precede /");
                    }
                    throw invalidSyntax();
                }
                p++;
                posOnly.addAll(args);
                args.clear();
                seenSlash = true;
                defaultBeforeSlash = !defaults.isEmpty();
                defaultsAtSlash = defaults.size();
            } else if (isOp(t, "*")) {
                if (seenStar) {
                    Token after = peekQuiet(1);
                    if (isName(after) || isOp(after, ",")) {
                        throw errorAt(t, "* argument may appear only once");
                    }
                    throw invalidSyntax();
                }
                p++;
                seenStar = true;
                if (isOp(",") || isOp(closer)) {
                    if (isOp(closer) || isOp(peek(1), closer) || isOp(peek(1), "**")) {
                        throw errorAt(t, "named arguments must follow bare *");
                    }
                    bareStar = t;
                } else {
                    varArg = parameter(lambda, true);
                    if (isOp("=")) {
                        throw errorAt(tok(), "var-positional argument cannot have default value");
                    }
                }
            } else if (isOp(t, "**")) {
                p++;
                kwArg = parameter(lambda, false);
                if (isOp("=")) {
                    throw errorAt(tok(), "var-keyword argument cannot have default value");
                }
                if (isOp(",")) {
                    p++;
                    if (!isOp(closer)) {
                        Token after = tok();
                        if (isName(after)) {
                            Node.Arg extra = parameter(lambda, false);
                            throw errorAt(extra.span(), "arguments cannot follow var-keyword argument");
                        }
                        if (isOp(after, "*") || isOp(after, "**") || isOp(after, "/")) {
                            throw errorAt(after, "arguments cannot follow var-keyword argument");
                        }
                        throw invalidSyntax();
                    }
                }
                break;
            } else if (isOp(t, "(")) {
                throw parenthesizedParameters(t, closer, lambda);
            } else {
                Node.Arg a = parameter(lambda, false);
                if (isOp("=")) {
                    Token eq = next();
                    if (isOp(",") || isOp(")")) {
                        throw errorAt(eq, "expected default value expression");
                    }
                    Expr d = expression();
                    if (seenStar) {
                        kwOnly.add(a);
                        kwDefaults.add(d);
                    } else {
                        args.add(a);
                        defaults.add(d);
                    }
                } else if (seenStar) {
                    kwOnly.add(a);
                    kwDefaults.add(null);
                } else {
                    if (!defaults.isEmpty() && !isOp(",") && !isOp(closer)) {
                        throw invalidSyntax();
                    }
                    if (!defaults.isEmpty()) {
                        // CPython's rule commits to "defaults then '/'", so defaults on both sides of the '/'
                        // leave only a generic error, found one token on.
                        if (seenSlash && defaultBeforeSlash && defaults.size() > defaultsAtSlash) {
                            tok();
                            throw invalidSyntax();
                        }
                        throw errorAt(a.span(), "parameter without a default follows parameter with a default");
                    }
                    args.add(a);
                }
            }
            if (isOp(",")) {
                p++;
            } else if (!isOp(closer) && !(lambda && isKind(Token.Kind.FSTRING_SPEC_COLON))) {
                if (isOp("/") && seenStar) {
                    throw errorAt(tok(), "/ must be ahead of *");
                }
                if (isOp("*") && seenSlash && false) {
                    throw errorAt(tok(), "expected comma between / and *");
                }
                throw invalidSyntax();
            }
        }
        if (bareStar != null && kwOnly.isEmpty()) {
            throw errorAt(bareStar, "named arguments must follow bare *");
        }
        Span span = p > 0 && indexOf(start) < p ? spanFrom(start) : new Span(start.line(), start.col(), start.line(),
                start.col());
        if (indexOf(start) == p) {
            span = new Span(start.line(), start.col(), start.line(), start.col());
        }
        return new Node.Arguments(List.copyOf(posOnly), List.copyOf(args), varArg, List.copyOf(kwOnly),
                Collections.unmodifiableList(new ArrayList<>(kwDefaults)), kwArg, List.copyOf(defaults), span);
    }

    private ParseError parenthesizedParameters(Token open, String closer, boolean lambda) {
        // "def f((a, b)):" - only names (with annotations in a def) inside count; else it is plain invalid syntax.
        ParseError generic = invalidSyntax();
        int save = p;
        int saveFurthest = furthest;
        try {
            p++;
            do {
                if (!isName(tok())) {
                    return generic;
                }
                parameter(lambda, false);
                if (isOp(",")) {
                    p++;
                } else {
                    break;
                }
            } while (!isOp(")"));
            if (!isOp(")")) {
                return generic;
            }
            return errorRange(open.span(), tok().span(), lambda ? "Lambda expression parameters cannot be parenthesized"
                    : "Function parameters cannot be parenthesized");
        } catch (ParseError e) {
            if (e.fromTokenizer) {
                throw e;
            }
            return generic;
        } finally {
            p = save;
            furthest = saveFurthest;
        }
    }

    private Node.Arg parameter(boolean lambda, boolean starred) {
        Token name = expectName();
        Expr annotation = null;
        if (!lambda && isOp(":")) {
            p++;
            annotation = starred && isOp("*") ? starExpression() : expression();
        }
        return new Node.Arg(name.text(), annotation, spanFrom(name));
    }

    // ================================================================ strings

    /** Adjacent string literals, f-strings among them: one Str, Bytes or JoinedStr. */
    private Expr strings() {
        Token start = tok();
        List<Expr> parts = new ArrayList<>();
        boolean anyBytes = false;
        boolean anyText = false;
        boolean anyF = false;
        ByteArrayBuilder bytes = null;
        while (isKind(Token.Kind.STRING) || isKind(Token.Kind.FSTRING_START)) {
            Token t = tok();
            if (t.kind() == Token.Kind.FSTRING_START) {
                anyF = true;
                anyText = true;
                fstring(parts);
                continue;
            }
            p++;
            String text = t.text();
            int prefixLength = 0;
            while (text.charAt(prefixLength) != '\'' && text.charAt(prefixLength) != '"') {
                prefixLength++;
            }
            String prefix = text.substring(0, prefixLength).toLowerCase();
            boolean raw = prefix.indexOf('r') >= 0;
            boolean isBytes = prefix.indexOf('b') >= 0;
            int quoteLength = text.length() - prefixLength >= 6 && text.charAt(prefixLength) == text.charAt(prefixLength + 1)
                    && text.charAt(prefixLength) == text.charAt(prefixLength + 2) ? 3 : 1;
            String body = text.substring(prefixLength + quoteLength, text.length() - quoteLength);
            if (isBytes) {
                anyBytes = true;
                if (!StringLiterals.isAscii(body)) {
                    throw errorAt(t, "bytes can only contain ASCII literal characters");
                }
                try {
                    if (bytes == null) {
                        bytes = new ByteArrayBuilder();
                    }
                    bytes.add(StringLiterals.decodeBytes(body, raw));
                } catch (StringLiterals.DecodeException e) {
                    throw errorAt(t, e.getMessage());
                }
            } else {
                anyText = true;
                try {
                    parts.add(new Expr.Str(StringLiterals.decodeStr(body, raw), t.span()));
                } catch (StringLiterals.DecodeException e) {
                    throw errorAt(t, e.getMessage());
                }
            }
        }
        Span span = spanFrom(start);
        if (anyBytes && anyText) {
            tok();
            throw errorAtLast(Kind.SYNTAX_ERROR, "cannot mix bytes and nonbytes literals");
        }
        if (anyBytes) {
            return new Expr.Bytes(bytes.toArray(), span);
        }
        if (!anyF) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            StringBuilder sb = new StringBuilder();
            for (Expr e : parts) {
                sb.append(((Expr.Str) e).value());
            }
            return new Expr.Str(sb.toString(), span);
        }
        return new Expr.JoinedStr(mergeStrings(parts, false), span);
    }

    /** Joins adjacent literal parts into one Str spanning them all, dropping empty ones. */
    private static List<Expr> mergeStrings(List<Expr> parts, boolean keepTrailingEmpty) {
        List<Expr> out = new ArrayList<>();
        StringBuilder pending = null;
        Span pendingStart = null;
        Span pendingEnd = null;
        for (Expr e : parts) {
            if (e instanceof Expr.Str s) {
                if (pending == null) {
                    pending = new StringBuilder();
                    pendingStart = s.span();
                }
                pending.append(s.value());
                pendingEnd = s.span();
            } else {
                if (pending != null && !pending.isEmpty()) {
                    out.add(new Expr.Str(pending.toString(), spanBetween(pendingStart, pendingEnd)));
                }
                pending = null;
                out.add(e);
            }
        }
        if (pending != null && (!pending.isEmpty() || keepTrailingEmpty && !out.isEmpty())) {
            out.add(new Expr.Str(pending.toString(), spanBetween(pendingStart, pendingEnd)));
        }
        return List.copyOf(out);
    }

    private static Span spanBetween(Span a, Span b) {
        return new Span(a.line(), a.column(), b.endLine(), b.endColumn());
    }

    /** One f-string from FSTRING_START to FSTRING_END, its parts appended to {@code parts}. */
    private void fstring(List<Expr> parts) {
        Token start = next();
        boolean raw = start.text().toLowerCase().indexOf('r') >= 0;
        enter();
        try {
            while (true) {
                Token t = tok();
                if (t.kind() == Token.Kind.FSTRING_MIDDLE) {
                    p++;
                    parts.add(new Expr.Str(decodeMiddle(t, raw), t.span()));
                } else if (isOp(t, "{")) {
                    replacementField(parts, raw);
                } else if (t.kind() == Token.Kind.FSTRING_END) {
                    p++;
                    return;
                } else {
                    throw invalidSyntax();
                }
            }
        } finally {
            leave();
        }
    }

    private String decodeMiddle(Token t, boolean raw) {
        try {
            return StringLiterals.decodeStr(t.text(), raw);
        } catch (StringLiterals.DecodeException e) {
            throw errorAt(t, e.getMessage());
        }
    }

    private void replacementField(List<Expr> parts, boolean raw) {
        Token open = next();
        Token first = tok();
        if (isOp(first, "=") || isOp(first, "!") || first.kind() == Token.Kind.FSTRING_SPEC_COLON || isOp(first, "}")
                || isOp(first, ":")) {
            throw errorAt(first, "f-string: valid expression required before '" + first.text() + "'");
        }
        if (!startsExpression(first)) {
            throw errorAt(first, "f-string: expecting a valid expression after '{'");
        }
        Expr value;
        try {
            value = isKeyword("yield") ? yieldExpression() : starExpressions();
        } catch (ParseError e) {
            if (!canBacktrack(e)) {
                throw e;
            }
            throw errorAt(first, "f-string: expecting a valid expression after '{'");
        }
        if (!(isOp("=") || isOp("!") || isKind(Token.Kind.FSTRING_SPEC_COLON) || isOp("}"))) {
            throw errorAt(tok(), "f-string: expecting '=', or '!', or ':', or '}'");
        }
        Expr.Str debug = null;
        if (isOp("=")) {
            Token eq = next();
            Token after = tok();
            String text = new String(src, open.end(), after.start() - open.end());
            debug = new Expr.Str(text, new Span(open.endLine(), open.endCol(), after.line(), after.col()));
            if (!(isOp("!") || isKind(Token.Kind.FSTRING_SPEC_COLON) || isOp("}"))) {
                throw errorAt(tok(), "f-string: expecting '!', or ':', or '}'");
            }
        }
        int conversion = -1;
        if (isOp("!")) {
            Token bang = next();
            Token name = tok();
            if (name.kind() == Token.Kind.FSTRING_SPEC_COLON || isOp(name, "}")) {
                throw errorAt(name, "f-string: missing conversion character");
            }
            if (name.kind() != Token.Kind.NAME) {
                throw errorAt(name, "f-string: invalid conversion character");
            }
            if (name.col() != bang.endCol() || name.line() != bang.endLine()) {
                throw errorRange(bang.span(), name.span(),
                        "f-string: conversion type must come right after the exclamanation mark");
            }
            if (!(name.text().equals("s") || name.text().equals("r") || name.text().equals("a"))) {
                throw errorAt(name, "f-string: invalid conversion character '" + name.text()
                        + "': expected 's', 'r', or 'a'");
            }
            p++;
            conversion = name.text().charAt(0);
            if (!(isKind(Token.Kind.FSTRING_SPEC_COLON) || isOp("}"))) {
                throw errorAt(tok(), "f-string: expecting ':' or '}'");
            }
        }
        Expr spec = null;
        if (isKind(Token.Kind.FSTRING_SPEC_COLON)) {
            Token colon = next();
            List<Expr> specParts = new ArrayList<>();
            while (true) {
                Token t = tok();
                if (t.kind() == Token.Kind.FSTRING_MIDDLE) {
                    p++;
                    String text = decodeMiddle(t, raw);
                    boolean afterField = !specParts.isEmpty()
                            && specParts.get(specParts.size() - 1) instanceof Expr.FormattedValue;
                    if (!text.isEmpty() || afterField) {
                        specParts.add(new Expr.Str(text, t.span()));
                    }
                } else if (isOp(t, "{")) {
                    replacementField(specParts, raw);
                } else {
                    break;
                }
            }
            if (!isOp("}")) {
                throw errorAt(tok(), "f-string: expecting '}', or format specs");
            }
            Token close = tok();
            spec = new Expr.JoinedStr(mergeSpec(specParts), new Span(colon.line(), colon.col(), close.line(),
                    close.col()));
        }
        if (!isOp("}")) {
            if (debug == null && conversion == -1 && spec == null) {
                if (startsExpression(tok())) {
                    ParseError comma = missingComma(first);
                    if (!comma.message.equals("invalid syntax")) {
                        throw comma;
                    }
                }
                throw errorAt(tok(), "f-string: expecting '=', or '!', or ':', or '}'");
            }
            throw errorAt(tok(), "f-string: expecting '}'");
        }
        p++;
        if (debug != null && conversion == -1 && spec == null) {
            conversion = 'r';
        }
        if (debug != null) {
            parts.add(debug);
        }
        parts.add(new Expr.FormattedValue(value, conversion, spec, spanFrom(open)));
    }

    /** Spec parts are merged like f-string parts, but CPython 3.12 keeps an empty string after a final field. */
    private static List<Expr> mergeSpec(List<Expr> parts) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Expr e = parts.get(i);
            if (e instanceof Expr.Str s && !out.isEmpty() && out.get(out.size() - 1) instanceof Expr.Str prev) {
                out.set(out.size() - 1, new Expr.Str(prev.value() + s.value(), spanBetween(prev.span(), s.span())));
            } else {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** A growable byte array for joined bytes literals. */
    private static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] b) {
            out.writeBytes(b);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
