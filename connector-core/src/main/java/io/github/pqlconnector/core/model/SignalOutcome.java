package io.github.pqlconnector.core.model;

/** Whether one signal fired for one entity, and the sentence that says why or why not. */
public record SignalOutcome(String name, String type, int points, boolean fired, String explanation) {}
