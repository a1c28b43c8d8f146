package dev.loopscope.python.syntax;

import java.util.ArrayList;
import java.util.List;

public final class SubsetChecker {
    private SubsetChecker() {
    }

    public static List<SyntaxProblem> check(Node.Module module) {
        return new ArrayList<>();
    }
}
