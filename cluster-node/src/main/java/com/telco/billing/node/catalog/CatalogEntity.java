package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.catalog.CatalogCommand.PublishVersion;
import com.telco.billing.protocol.catalog.CatalogEvent;
import com.telco.billing.protocol.catalog.CatalogEvent.CatalogVersionPublished;
import com.telco.billing.protocol.catalog.PublishVersionResult;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The Catalog entity: the one writer of the product catalog. There is one, with entity id {@value
 * #ENTITY_ID} (persistence id {@code Catalog|catalog}); it decides whether a validated version may
 * be published ({@link CatalogValidator#validateAgainstHistory}, for ordinary and correction
 * versions alike) and records it. Nodes read the catalog from their {@link CatalogReplica}, never
 * from this entity.
 *
 * <p>Idempotency: publishing a version whose id is taken answers success without a new event when
 * the validated version is equal to the published one (the same document, or one that differs only
 * in form: a decimal's scale, an instant's offset, a default made explicit); the answer carries the
 * version as first published. Any other version under a taken id is refused with {@code
 * version_exists}.
 *
 * <p>No snapshots: the state is every published version, so a snapshot would hold as much as the
 * events (in one ever-growing Cassandra cell) while versions are published a few times a year.
 */
public final class CatalogEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CatalogCommand, CatalogEvent, CatalogState> {

  /** The id of the one catalog entity. */
  public static final String ENTITY_ID = "catalog";

  /** The persistence id of the catalog's events: {@code Catalog|catalog}. */
  public static final PersistenceId PERSISTENCE_ID =
      PersistenceId.of(EntityKeys.CATALOG.name(), ENTITY_ID);

  private final Clock clock;

  private CatalogEntity(String entityId, Clock clock) {
    super(PersistenceId.of(EntityKeys.CATALOG.name(), entityId));
    this.clock = clock;
  }

  /**
   * The entity behavior for a sharded entity id; only {@value #ENTITY_ID} is ever addressed.
   *
   * @param clock decides what "in the past" means for the publication rules and stamps {@code
   *     publishedAt}
   */
  public static Behavior<CatalogCommand> create(String entityId, Clock clock) {
    return new CatalogEntity(entityId, clock);
  }

  @Override
  public CatalogState emptyState() {
    return CatalogState.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.disabled();
  }

  @Override
  public CommandHandlerWithReply<CatalogCommand, CatalogEvent, CatalogState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(PublishVersion.class, this::onPublish)
        .build();
  }

  private ReplyEffect<CatalogEvent, CatalogState> onPublish(
      CatalogState state, PublishVersion cmd) {
    String versionId = cmd.version().version();
    Optional<PublishedVersion> existing = state.lookupVersion(versionId);
    if (existing.isPresent() && existing.get().version().equals(cmd.version())) {
      return Effect()
          .reply(
              cmd.replyTo(), StatusReply.success(new PublishVersionResult(existing.get(), false)));
    }
    Instant now = clock.instant();
    List<FieldError> problems =
        CatalogValidator.validateAgainstHistory(cmd.version(), state.versions(), now);
    if (!problems.isEmpty()) {
      return Replies.refuse(Effect(), cmd.replyTo(), refusal(problems));
    }
    return Effect()
        .persist(CatalogJournal.versionPublished(cmd.version(), cmd.document(), now, cmd.origin()))
        .thenReply(
            cmd.replyTo(),
            published ->
                StatusReply.success(
                    new PublishVersionResult(
                        published.lookupVersion(versionId).orElseThrow(), true)));
  }

  /**
   * One refusal travels per reply: the first problem (in the validator's order {@code
   * version_exists}, {@code effective_in_past}, {@code effective_not_after_latest}; for a
   * correction {@code version_exists}, {@code correction_without_version}, {@code
   * correction_not_past}) gives code and field; the message lists every problem.
   */
  static Refusal refusal(List<FieldError> problems) {
    FieldError first = problems.get(0);
    String message =
        problems.size() == 1
            ? first.message()
            : problems.stream()
                .map(p -> p.code() + ": " + p.message())
                .collect(Collectors.joining("; "));
    return Refusal.of(RefusalCode.of(first.code()), first.field(), message);
  }

  @Override
  public EventHandler<CatalogState, CatalogEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(CatalogVersionPublished.class, CatalogState::apply)
        .build();
  }
}
