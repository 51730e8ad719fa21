package io.github.pqlconnector.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a config key that must always be given, for the JSON Schema ({@code required}). The record's own
 * {@code validate} still says why in its message; a test checks that each marked key is reported when missing.
 * Keys required only in some combinations stay unmarked: the schema cannot tell those apart.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Required {}
