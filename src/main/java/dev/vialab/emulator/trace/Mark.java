package dev.vialab.emulator.trace;

/** A named moment of a run (t1, t2, each call), pointing at the first step at or after its time. */
public record Mark(String name, long time, int step) {}
