package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.error.VendorException;
import java.io.IOException;
import retrofit2.Response;

/** A vendor's mapping of failed calls to {@link VendorException}s, by status and vendor error codes. */
public interface ErrorMapper {
  /** A response that is not a success. */
  VendorException fromResponse(Response<?> response, String operation);

  /** No response at all: timeout, refused connection, reset, unreadable body. */
  VendorException fromFailure(IOException failure, String operation);
}
