/** The admin HTTP API of {@code pql serve}: JSON over HTTP, bearer-token protected, Prometheus metrics. */
@NullMarked
package io.github.pqlconnector.app.admin;

import org.jspecify.annotations.NullMarked;
