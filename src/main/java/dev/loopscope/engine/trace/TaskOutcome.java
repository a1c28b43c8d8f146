package dev.loopscope.engine.trace;

/** How a task or future ended. */
public enum TaskOutcome { RESULT, EXCEPTION, CANCELLED }
