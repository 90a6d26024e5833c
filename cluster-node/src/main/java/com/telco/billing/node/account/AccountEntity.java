package com.telco.billing.node.account;

import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountCommand.GetAccount;
import com.telco.billing.protocol.account.AccountCommand.OpenAccount;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The Account entity: the one writer of everything an account owns. Thin: it decides when things
 * happen and which events record them; {@code billing-core} decides amounts.
 */
public final class AccountEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AccountCommand, AccountEvent, AccountState> {

  /** A snapshot every this many events; two are kept. */
  static final int SNAPSHOT_EVERY = 100;

  private final String accountId;
  private final Clock clock;

  private AccountEntity(String accountId, Clock clock) {
    super(PersistenceId.of(EntityKeys.ACCOUNT.name(), accountId));
    this.accountId = accountId;
    this.clock = clock;
  }

  public static Behavior<AccountCommand> create(String accountId, Clock clock) {
    return new AccountEntity(accountId, clock);
  }

  @Override
  public AccountState emptyState() {
    return AccountState.Unopened.INSTANCE;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  @Override
  public CommandHandlerWithReply<AccountCommand, AccountEvent, AccountState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder
        .forStateType(AccountState.Unopened.class)
        .onCommand(OpenAccount.class, this::onOpen)
        .onCommand(GetAccount.class, this::onGetUnopened);
    builder
        .forStateType(AccountState.Open.class)
        .onCommand(OpenAccount.class, this::onOpenAgain)
        .onCommand(
            GetAccount.class,
            (state, cmd) -> Effect().reply(cmd.replyTo(), StatusReply.success(state.toView())));
    return builder.build();
  }

  private ReplyEffect<AccountEvent, AccountState> onOpen(
      AccountState.Unopened state, OpenAccount cmd) {
    if (!cmd.profile().accountId().equals(accountId)) {
      return Effect()
          .reply(
              cmd.replyTo(),
              StatusReply.error(
                  new Refusal(
                          "account_id_mismatch", "id", "command sent to another account's entity")
                      .encode()));
    }
    return Effect()
        .persist(new AccountOpened(cmd.profile(), clock.instant()))
        .thenReply(
            cmd.replyTo(),
            opened ->
                StatusReply.success(
                    new OpenAccountResult(((AccountState.Open) opened).toView(), true)));
  }

  private ReplyEffect<AccountEvent, AccountState> onOpenAgain(
      AccountState.Open state, OpenAccount cmd) {
    if (state.profile().equals(cmd.profile())) {
      return Effect()
          .reply(cmd.replyTo(), StatusReply.success(new OpenAccountResult(state.toView(), false)));
    }
    Refusal conflict =
        new Refusal(
            "account_conflict",
            "id",
            "account " + accountId + " is already open with different data");
    return Effect().reply(cmd.replyTo(), StatusReply.error(conflict.encode()));
  }

  private ReplyEffect<AccountEvent, AccountState> onGetUnopened(
      AccountState.Unopened state, GetAccount cmd) {
    Refusal notFound = new Refusal("account_not_found", null, "no account " + accountId);
    return Effect().reply(cmd.replyTo(), StatusReply.error(notFound.encode()));
  }

  @Override
  public EventHandler<AccountState, AccountEvent> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder
        .forStateType(AccountState.Unopened.class)
        .onEvent(
            AccountOpened.class,
            (state, evt) -> new AccountState.Open(evt.profile(), evt.openedAt()));
    return builder.build();
  }
}
