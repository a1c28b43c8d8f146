package dev.loopscope.python.compiler;

import dev.loopscope.python.syntax.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One scope of the symbol table: a module, class body, function, lambda, generator expression or comprehension. */
final class Scope {

    enum Kind { MODULE, CLASS, FUNCTION, LAMBDA, GENEXPR, COMPREHENSION }

    /** How a name is reached from code in this scope. */
    enum Binding { LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, NAME }

    final Kind kind;
    final String name;
    final Scope parent;
    final Node node;
    final List<Scope> children = new ArrayList<>();
    /** Names assigned in this scope (parameters included), in first-seen order. */
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> globals = new LinkedHashSet<>();
    final Set<String> nonlocals = new LinkedHashSet<>();
    final List<String> params = new ArrayList<>();
    /** Names of this scope that nested scopes capture (cells), and names captured from outside (free). */
    final Set<String> cells = new LinkedHashSet<>();
    final Set<String> frees = new LinkedHashSet<>();
    /** Free names that nested scopes need and that this scope passes through from further out. */
    final Set<String> childFrees = new LinkedHashSet<>();
    final Map<String, Binding> bindings = new LinkedHashMap<>();
    boolean generator;
    boolean coroutine;
    boolean usesSuperOrClass;
    /** A class scope whose methods use {@code super()} or {@code __class__}. */
    boolean needsClassCell;
    String qualname;

    Scope(Kind kind, String name, Scope parent, Node node) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.node = node;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isFunctionLike() {
        return kind == Kind.FUNCTION || kind == Kind.LAMBDA || kind == Kind.GENEXPR || kind == Kind.COMPREHENSION;
    }

    /** The scope whose frame runs this scope's code: comprehensions run inline in their parent's frame. */
    Scope frameScope() {
        Scope s = this;
        while (s.kind == Kind.COMPREHENSION) {
            s = s.parent;
        }
        return s;
    }

    Binding binding(String n) {
        Binding b = bindings.get(n);
        return b == null ? Binding.GLOBAL_IMPLICIT : b;
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + bindings;
    }
}
