package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusalKind;
import com.telco.billing.protocol.http.ErrorResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.jupiter.api.Test;

/** The one place where a refusal becomes an HTTP status and error body. */
class ApiErrorsTest {

  @Test
  void everyKindHasItsStatus() {
    assertEquals(StatusCodes.BAD_REQUEST, ApiErrors.status(RefusalKind.INVALID_INPUT));
    assertEquals(StatusCodes.NOT_FOUND, ApiErrors.status(RefusalKind.NOT_FOUND));
    assertEquals(StatusCodes.CONFLICT, ApiErrors.status(RefusalKind.CONFLICT));
    assertEquals(StatusCodes.UNAUTHORIZED, ApiErrors.status(RefusalKind.UNAUTHENTICATED));
    assertEquals(StatusCodes.FORBIDDEN, ApiErrors.status(RefusalKind.FORBIDDEN));
    assertEquals(StatusCodes.TOO_MANY_REQUESTS, ApiErrors.status(RefusalKind.OVERLOADED));
    assertEquals(StatusCodes.SERVICE_UNAVAILABLE, ApiErrors.status(RefusalKind.UNAVAILABLE));
    assertEquals(StatusCodes.INTERNAL_SERVER_ERROR, ApiErrors.status(RefusalKind.INTERNAL));
  }

  @Test
  void aRefusalOfStateIsItsCodeMessageAndField() {
    ApiException api =
        ApiErrors.toApiException(
            new CompletionException(
                new CompletionException(
                    Refusal.of(RefusalCode.ACCOUNT_CONFLICT, "id", "already open").toException())));
    assertEquals(StatusCodes.CONFLICT, api.status());
    assertEquals(ErrorResponse.of("account_conflict", "already open", "id"), api.body());
  }

  @Test
  void invalidInputListsItsProblemsAndOneFieldRuleDoesNot() {
    FieldError required = new FieldError("required", "name", "name is required");
    FieldError tooLong = new FieldError("too_long", "id", "id is too long");
    assertEquals(
        ErrorResponse.of(List.of(required, tooLong)),
        ApiErrors.body(Refusal.invalid(List.of(required, tooLong))));
    assertEquals(
        ErrorResponse.of(List.of(required)), ApiErrors.body(Refusal.invalid(List.of(required))));
    assertEquals(
        ErrorResponse.of("too_long", "id is too long", "id"),
        ApiErrors.body(Refusal.fieldRule("too_long", "id", "id is too long")));
  }

  @Test
  void aTimeoutIs503AndOtherFailuresAreNotMapped() {
    ApiException timeout = ApiErrors.toApiException(new TimeoutException("ask"));
    assertEquals(StatusCodes.SERVICE_UNAVAILABLE, timeout.status());
    assertEquals("timeout", timeout.body().code());
    assertNull(ApiErrors.toApiException(new IllegalStateException("boom")));
  }
}
