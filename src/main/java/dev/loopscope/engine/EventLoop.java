package dev.loopscope.engine;

/** Placeholder until the engine lands; {@link ExecContext} names it. */
public interface EventLoop {
}
