package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.account.AccountProfileDraft;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountEntityTest {
  /** In-memory journal, our serialization bindings; the testkit verifies serialization. */
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("serialization.conf")));

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(), AccountEntity.create("acc-1", Clock.fixed(NOW, ZoneOffset.UTC)));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  static AccountProfile profile(String id, String currency) {
    return new AccountProfileDraft(
            id, "Jane Doe", currency, 5, "Europe/Berlin", "DE", false, 14, "tok_1", null)
        .validate()
        .value();
  }

  @Test
  void opensAnAccountOnce() {
    CommandResultWithReply<
            AccountCommand, AccountEvent, AccountState, StatusReply<OpenAccountResult>>
        result =
            kit.runCommand(
                replyTo -> new AccountCommand.OpenAccount(profile("acc-1", "EUR"), replyTo));
    assertEquals(new AccountEvent.AccountOpened(profile("acc-1", "EUR"), NOW), result.event());
    assertTrue(result.reply().getValue().created());
    assertEquals(new AccountState.Open(profile("acc-1", "EUR"), NOW), result.state());
  }

  @Test
  void repeatingTheSameOpenIsIdempotent() {
    open(profile("acc-1", "EUR"));
    var again = open(profile("acc-1", "EUR"));
    assertTrue(again.hasNoEvents());
    assertFalse(again.reply().getValue().created());
    assertEquals(NOW, again.reply().getValue().account().openedAt());
  }

  @Test
  void reusingTheIdWithDifferentDataIsAConflict() {
    open(profile("acc-1", "EUR"));
    var conflict = open(profile("acc-1", "USD"));
    assertTrue(conflict.hasNoEvents());
    assertEquals("account_conflict", refusal(conflict.reply()).code());
  }

  @Test
  void aCommandForAnotherIdIsRefused() {
    var wrong = open(profile("acc-2", "EUR"));
    assertTrue(wrong.hasNoEvents());
    assertEquals("account_id_mismatch", refusal(wrong.reply()).code());
  }

  @Test
  void readingAnUnopenedAccountIsNotFound() {
    var read = kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new);
    assertEquals("account_not_found", refusal(read.reply()).code());
  }

  @Test
  void theAccountSurvivesARestart() {
    open(profile("acc-1", "EUR"));
    kit.restart();
    var read = kit.<StatusReply<AccountView>>runCommand(AccountCommand.GetAccount::new);
    assertEquals(new AccountView(profile("acc-1", "EUR"), NOW), read.reply().getValue());
  }

  private CommandResultWithReply<
          AccountCommand, AccountEvent, AccountState, StatusReply<OpenAccountResult>>
      open(AccountProfile profile) {
    return kit.runCommand(replyTo -> new AccountCommand.OpenAccount(profile, replyTo));
  }

  private static Refusal refusal(StatusReply<?> reply) {
    assertTrue(reply.isError(), "expected a refusal, got " + reply);
    return Refusal.decode(reply.getError().getMessage());
  }
}
