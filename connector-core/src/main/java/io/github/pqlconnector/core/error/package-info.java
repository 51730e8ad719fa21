/** The exception hierarchy and the per-record error value shared by every module. */
@NullMarked
package io.github.pqlconnector.core.error;

import org.jspecify.annotations.NullMarked;
