package dev.loopscope.python.runtime;

/**
 * An object that needs the arguments it was constructed with after {@code __init__} has run: told them when
 * the class is called, before {@code __init__} runs.
 */
public interface KeepsInitArgs {

    void keepInitArgs(Object[] args, String[] kwNames);
}
