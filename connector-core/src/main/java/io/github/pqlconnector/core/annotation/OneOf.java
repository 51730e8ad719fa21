package io.github.pqlconnector.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a text config key accepts, for the JSON Schema ({@code enum}) and the generated reference. The
 * record's {@code validate} rejects others; a test checks that each marked key refuses a value not listed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OneOf {
  String[] value();
}
