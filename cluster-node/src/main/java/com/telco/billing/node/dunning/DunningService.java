package com.telco.billing.node.dunning;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.http.DunningHoldRequest;
import com.telco.billing.sharding.EntityKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The dunning operations of one account behind the HTTP API: its dunning state, holds placed and
 * released. Validates input, derives hold ids, asks the account; no dunning logic lives here.
 */
public final class DunningService {
  /** Hold ids as the API names them. */
  private static final Pattern HOLD_ID = Pattern.compile("HOLD-[0-9a-f]{16}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public DunningService(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  public CompletionStage<DunningView> dunning(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetDunning::new, askTimeout);
  }

  /**
   * Pauses the account's dunning steps. With an {@code Idempotency-Key} the hold's id derives from
   * it, so a repeated request places the hold once.
   */
  public CompletionStage<DunningView> placeHold(
      String accountId, String idempotencyKey, DunningHoldRequest request, Origin origin) {
    Optional<Refusal> badKey =
        idempotencyKey == null ? Optional.empty() : PaymentService.malformedKey(idempotencyKey);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<DunningHoldRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    String holdId = idempotencyKey == null ? randomHoldId() : holdIdOf(accountId, idempotencyKey);
    return account(accountId)
        .askWithStatus(
            replyTo ->
                new AccountCommand.PlaceDunningHold(
                    holdId, valid.value().until(), valid.value().reason(), origin, replyTo),
            askTimeout);
  }

  /** Releases a hold before its end. */
  public CompletionStage<DunningView> releaseHold(String accountId, String holdId, Origin origin) {
    if (!HOLD_ID.matcher(holdId).matches()) {
      return refused(
          Refusal.of(RefusalCode.DUNNING_HOLD_NOT_FOUND, "holdId", "the account has no such hold"));
    }
    return account(accountId)
        .askWithStatus(
            replyTo -> new AccountCommand.ReleaseDunningHold(holdId, origin, replyTo), askTimeout);
  }

  static String holdIdOf(String accountId, String idempotencyKey) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          digest.digest((accountId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "HOLD-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String randomHoldId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "HOLD-" + HexFormat.of().formatHex(bytes);
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }

  private static <T> CompletionStage<T> refused(Refusal refusal) {
    return CompletableFuture.failedFuture(refusal.toException());
  }
}
