package com.telco.billing.node.payment;

import com.telco.billing.core.payment.PaymentMethod;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import com.telco.billing.node.util.Failures;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.http.PaymentMethodRequest;
import com.telco.billing.protocol.http.PaymentRequest;
import com.telco.billing.protocol.http.RefundRequestBody;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.GatewayNotice;
import com.telco.billing.protocol.payment.PaymentList;
import com.telco.billing.protocol.payment.PaymentMethodView;
import com.telco.billing.protocol.payment.PaymentResult;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundResult;
import com.telco.billing.protocol.payment.StatementView;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The payment operations behind the HTTP API: validates input, derives the ids of idempotent
 * requests, asks the account and answers its result; a refusal fails the answer with a {@code
 * RefusedException}. No money logic lives here.
 */
public final class PaymentService {
  /** Idempotency keys: 1 to 255 printable ASCII characters. */
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /** The longest statement range. */
  static final long MAX_STATEMENT_DAYS = 3 * 366;

  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final Duration gatewayAskTimeout;
  private final Clock clock;

  /**
   * @param askTimeout how long a request waits for the account
   * @param gatewayAskTimeout how long a card refund waits (the account waits for the gateway)
   */
  public PaymentService(
      ActorSystem<?> system, Duration askTimeout, Duration gatewayAskTimeout, Clock clock) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
    this.gatewayAskTimeout = gatewayAskTimeout;
    this.clock = clock;
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }

  private static <T> CompletionStage<T> refused(Refusal refusal) {
    return CompletableFuture.failedFuture(refusal.toException());
  }

  /** Replaces an account's payment method. */
  public CompletionStage<PaymentMethodView> setMethod(
      String accountId, PaymentMethodRequest request, Origin origin) {
    // a mandate signed today east of UTC is still "today"
    Validated<PaymentMethod> method = request.validate(LocalDate.now(clock).plusDays(1));
    if (!method.isValid()) {
      return refused(Refusal.invalid(method.errors()));
    }
    return account(accountId)
        .askWithStatus(
            replyTo -> new AccountCommand.SetPaymentMethod(method.value(), origin, replyTo),
            askTimeout);
  }

  public CompletionStage<PaymentMethodView> method(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetPaymentMethod::new, askTimeout);
  }

  /**
   * Records a payment finance received. The payment id derives from the account and the idempotency
   * key: the same key and body answer the first payment, another body is refused.
   */
  public CompletionStage<PaymentResult> record(
      String accountId, String idempotencyKey, PaymentRequest request, Origin origin) {
    Optional<Refusal> badKey = keyRefusal(idempotencyKey);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<PaymentRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    PaymentRequest.Valid p = valid.value();
    String paymentId = PaymentIds.manualPayment(accountId, idempotencyKey);
    return account(accountId)
        .askWithStatus(
            replyTo ->
                new AccountCommand.RecordPayment(
                    paymentId,
                    p.fingerprint(),
                    p.amount().amount(),
                    p.amount().currency(),
                    p.method(),
                    p.reference(),
                    p.receivedDate(),
                    origin,
                    replyTo),
            askTimeout);
  }

  /** Refunds part or all of a payment, through the gateway for a card payment. */
  public CompletionStage<RefundResult> refund(
      String paymentId, String idempotencyKey, RefundRequestBody request, Origin origin) {
    Optional<String> accountId = PaymentIds.accountOfPayment(paymentId);
    if (accountId.isEmpty()) {
      return refused(notFound());
    }
    Optional<Refusal> badKey = keyRefusal(idempotencyKey);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<RefundRequestBody.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    RefundRequestBody.Valid r = valid.value();
    String refundId = PaymentIds.refund(accountId.get(), paymentId, idempotencyKey);
    return account(accountId.get())
        .<RefundResult>askWithStatus(
            replyTo ->
                new AccountCommand.RefundPayment(
                    paymentId,
                    refundId,
                    r.fingerprint(),
                    r.amount().amount(),
                    r.amount().currency(),
                    r.reason(),
                    origin,
                    replyTo),
            gatewayAskTimeout);
  }

  public CompletionStage<PaymentView> payment(String paymentId) {
    Optional<String> accountId = PaymentIds.accountOfPayment(paymentId);
    if (accountId.isEmpty()) {
      return refused(notFound());
    }
    return account(accountId.get())
        .<PaymentView>askWithStatus(
            replyTo -> new AccountCommand.GetPayment(paymentId, replyTo), askTimeout)
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    Failures.cause(failure) instanceof com.telco.billing.protocol.RefusedException r
                            && r.refusal().code() == RefusalCode.ACCOUNT_NOT_FOUND
                        ? notFound().toException()
                        : failure));
  }

  public CompletionStage<PaymentList> payments(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetPayments::new, askTimeout);
  }

  public CompletionStage<BalanceView> balance(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetBalance::new, askTimeout);
  }

  /**
   * The statement from {@code from} to {@code to} (dates of the account's zone; {@code to} defaults
   * to today, {@code from} to a year before {@code to}).
   */
  public CompletionStage<StatementView> statement(String accountId, String from, String to) {
    Validator v = new Validator();
    LocalDate end =
        to == null
            ? LocalDate.now(clock.withZone(ZoneOffset.UTC))
            : PlausibleDates.parse(v, to, "to");
    LocalDate start =
        from == null
            ? (end == null ? null : end.minusYears(1))
            : PlausibleDates.parse(v, from, "from");
    if (start != null && end != null) {
      v.require(!start.isAfter(end), "invalid_range", "from", "from must not be after to");
      v.require(
          ChronoUnit.DAYS.between(start, end) <= MAX_STATEMENT_DAYS,
          "range_too_long",
          "from",
          "a statement covers at most " + MAX_STATEMENT_DAYS + " days");
    }
    if (!v.isValid()) {
      return refused(Refusal.invalid(v.errors()));
    }
    return account(accountId)
        .askWithStatus(replyTo -> new AccountCommand.GetStatement(start, end, replyTo), askTimeout);
  }

  /** Applies a verified gateway event to its account. */
  public CompletionStage<String> gatewayNotice(String accountId, GatewayNotice notice) {
    return account(accountId)
        .askWithStatus(
            replyTo -> new AccountCommand.ApplyGatewayNotice(notice, replyTo), askTimeout);
  }

  /** A bank return of a direct debit: the payment reversed, the invoice reopened. */
  public CompletionStage<PaymentView> returnDirectDebit(
      String accountId, String endToEndId, String reasonCode, Origin origin) {
    return account(accountId)
        .askWithStatus(
            replyTo ->
                new AccountCommand.ReturnDirectDebit(endToEndId, reasonCode, origin, replyTo),
            askTimeout);
  }

  /**
   * The refusal of a missing or malformed {@code Idempotency-Key} of a request that changes what an
   * account owes or paid (payments, refunds, credit notes, charges, disputes, write-offs), if it is
   * one.
   */
  public static Optional<Refusal> keyRefusal(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.of(
          Refusal.of(
              RefusalCode.IDEMPOTENCY_KEY_REQUIRED,
              "Idempotency-Key",
              "a request that creates money needs an Idempotency-Key header"));
    }
    return malformedKey(key);
  }

  /** The refusal of an {@code Idempotency-Key} header that is not 1 to 255 printable ASCII. */
  public static Optional<Refusal> malformedKey(String key) {
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      return Optional.of(
          Refusal.of(
              RefusalCode.IDEMPOTENCY_KEY_INVALID,
              "Idempotency-Key",
              "the Idempotency-Key must be 1 to 255 printable ASCII characters"));
    }
    return Optional.empty();
  }

  private static Refusal notFound() {
    return Refusal.of(RefusalCode.PAYMENT_NOT_FOUND, "id", "no payment with this id");
  }
}
