package dev.loopscope.engine;

/** Placeholder until the engine lands on main. */
public class Simulation {
}
