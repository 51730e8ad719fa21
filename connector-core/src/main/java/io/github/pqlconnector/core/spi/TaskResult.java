package io.github.pqlconnector.core.spi;

/** The CRM id of the task, and whether it already existed (a retried request after a crash). */
public record TaskResult(String taskId, boolean alreadyExisted) {}
