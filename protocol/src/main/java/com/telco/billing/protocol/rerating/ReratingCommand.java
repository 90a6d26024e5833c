package com.telco.billing.protocol.rerating;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the re-rating singleton (docs/rerating.md). */
public interface ReratingCommand extends CborSerializable {

  /**
   * Starts the job {@code jobId} (derived from the request's idempotency key). The same id with the
   * same {@code fingerprint} answers the job as it stands ({@code created = false}); another
   * fingerprint is refused with {@code idempotency_key_reused}. {@code catalogVersions}: how many
   * catalog versions (ordinary and corrections) the node that took the request knew.
   */
  record StartJob(
      String jobId,
      String fingerprint,
      ReratingJobRequest.Valid request,
      int catalogVersions,
      Origin origin,
      ActorRef<StatusReply<ReratingJobView.Started>> replyTo)
      implements ReratingCommand {}

  /** Reads a job; {@code rerating_job_not_found} when there is none. */
  record GetJob(String jobId, ActorRef<StatusReply<ReratingJobView>> replyTo)
      implements ReratingCommand {}

  /** Lists the jobs kept, newest first. */
  record ListJobs(ActorRef<StatusReply<ReratingJobView.JobList>> replyTo)
      implements ReratingCommand {}

  /** Messages the singleton sends itself; never sent by clients. */
  interface Internal extends ReratingCommand {}
}
