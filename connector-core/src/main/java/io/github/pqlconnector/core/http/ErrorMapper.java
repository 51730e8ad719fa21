package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.error.VendorException;
import java.io.IOException;
import java.util.function.BiFunction;
import retrofit2.Response;

/** A vendor's mapping of failed calls to {@link VendorException}s, by status and vendor error codes. */
public interface ErrorMapper {
  /** A response that is not a success. */
  VendorException fromResponse(Response<?> response, String operation);

  /** No response at all: timeout, refused connection, reset, unreadable body. */
  VendorException fromFailure(IOException failure, String operation);

  /** A mapper from two functions, e.g. {@code ErrorMapper.of(XxxErrors::from, XxxErrors::from)}. */
  static ErrorMapper of(BiFunction<Response<?>, String, VendorException> response,
      BiFunction<IOException, String, VendorException> failure) {
    return new ErrorMapper() {
      @Override
      public VendorException fromResponse(Response<?> r, String operation) {
        return response.apply(r, operation);
      }

      @Override
      public VendorException fromFailure(IOException e, String operation) {
        return failure.apply(e, operation);
      }
    };
  }
}
