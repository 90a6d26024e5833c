package com.telco.billing.node.rerating;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.rerating.ReratingCommand;
import com.telco.billing.protocol.rerating.ReratingJobRequest;
import com.telco.billing.protocol.rerating.ReratingJobView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The re-rating operations behind the HTTP API (docs/rerating.md): validates the request, derives
 * the job's id from its {@code Idempotency-Key}, asks the re-rating singleton.
 */
public final class ReratingService {
  private final ActorSystem<?> system;
  private final ActorRef<ReratingCommand> coordinator;
  private final java.util.function.IntSupplier catalogVersions;
  private final Duration askTimeout;

  /**
   * @param catalogVersions how many catalog versions this node knows ({@code Catalog.versionCount})
   */
  public ReratingService(
      ActorSystem<?> system,
      ActorRef<ReratingCommand> coordinator,
      java.util.function.IntSupplier catalogVersions,
      Duration askTimeout) {
    this.system = system;
    this.coordinator = coordinator;
    this.catalogVersions = catalogVersions;
    this.askTimeout = askTimeout;
  }

  /** The id of the job started under {@code key}. */
  static String jobId(String key) {
    return "RJ-" + PaymentIds.digest("rerating|" + key);
  }

  /** Starts a job, or answers the one started under the same key with the same body. */
  public CompletionStage<ReratingJobView.Started> start(
      String key, ReratingJobRequest request, Origin origin) {
    Optional<Refusal> badKey = PaymentService.keyRefusal(key);
    if (badKey.isPresent()) {
      return CompletableFuture.failedFuture(badKey.get().toException());
    }
    Validated<ReratingJobRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(valid.errors()).toException());
    }
    return AskPattern.askWithStatus(
        coordinator,
        replyTo ->
            new ReratingCommand.StartJob(
                jobId(key),
                valid.value().fingerprint(),
                valid.value(),
                catalogVersions.getAsInt(),
                origin,
                replyTo),
        askTimeout,
        system.scheduler());
  }

  public CompletionStage<ReratingJobView> get(String jobId) {
    return AskPattern.askWithStatus(
        coordinator,
        replyTo -> new ReratingCommand.GetJob(jobId, replyTo),
        askTimeout,
        system.scheduler());
  }

  public CompletionStage<ReratingJobView.JobList> list() {
    return AskPattern.askWithStatus(
        coordinator, ReratingCommand.ListJobs::new, askTimeout, system.scheduler());
  }
}
