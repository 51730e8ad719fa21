package io.github.pqlconnector.demo;

import java.nio.file.Path;

/** The files a demo generation wrote, and the exact number of event lines in {@code events}. */
public record DemoFiles(Path events, Path users, Path accounts, long eventsWritten) {}
