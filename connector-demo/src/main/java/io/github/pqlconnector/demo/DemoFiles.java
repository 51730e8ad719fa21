package io.github.pqlconnector.demo;

import java.nio.file.Path;

/**
 * The files a demo generation wrote, the exact number of event lines in {@code events}, and how many accounts
 * bought (the account rows of {@code outcomes}).
 */
public record DemoFiles(Path events, Path users, Path accounts, Path outcomes, long eventsWritten,
    int accountsConverted) {}
