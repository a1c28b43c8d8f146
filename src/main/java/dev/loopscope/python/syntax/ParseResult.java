package dev.loopscope.python.syntax;

import java.util.List;

/** What {@link PythonParser} makes of a source file: a module, or the problems that stop it from running. */
public sealed interface ParseResult {

    /** The parsed module. */
    record Parsed(Node.Module module) implements ParseResult {}

    /** At least one problem: the first syntax error, or every construct Loopscope refuses. */
    record Failed(List<SyntaxProblem> problems) implements ParseResult {
        public Failed {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a failure needs a problem");
            }
        }
    }

    default boolean ok() {
        return this instanceof Parsed;
    }

    /** The module; throws {@link IllegalStateException} listing the problems when parsing failed. */
    default Node.Module module() {
        return switch (this) {
            case Parsed parsed -> parsed.module();
            case Failed failed -> throw new IllegalStateException(failed.problems().get(0).format());
        };
    }

    /** The problems, empty when parsing succeeded. */
    default List<SyntaxProblem> problems() {
        return switch (this) {
            case Parsed parsed -> List.of();
            case Failed failed -> failed.problems();
        };
    }
}
