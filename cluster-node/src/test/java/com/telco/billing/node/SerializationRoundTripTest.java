package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfileDraft;
import com.telco.billing.node.account.AccountState;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every concrete type of every message hierarchy (commands, events, replies, state) round-trips
 * through the serializer the node is configured with. A new message type without a sample here
 * fails the test.
 */
class SerializationRoundTripTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(ConfigFactory.parseResources("serialization.conf"));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** The hierarchies whose every permitted subclass must round-trip. */
  private static final List<Class<?>> HIERARCHIES =
      List.of(AccountCommand.class, AccountEvent.class, AccountState.class);

  private static Map<Class<?>, Object> samples() {
    TestProbe<Object> probe = testKit.createTestProbe();
    var profile =
        new AccountProfileDraft(
                "acc-1", "Jane", "BHD", 28, "Asia/Bahrain", "BH", true, 0, null, "ENT-1")
            .validate()
            .value();
    Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.OpenAccount.class,
        new AccountCommand.OpenAccount(profile, probe.ref().unsafeUpcast()));
    samples.put(
        AccountCommand.GetAccount.class, new AccountCommand.GetAccount(probe.ref().unsafeUpcast()));
    samples.put(AccountEvent.AccountOpened.class, new AccountEvent.AccountOpened(profile, at));
    samples.put(AccountState.Unopened.class, AccountState.Unopened.INSTANCE);
    samples.put(AccountState.Open.class, new AccountState.Open(profile, at));
    samples.put(AccountView.class, new AccountView(profile, at));
    samples.put(OpenAccountResult.class, new OpenAccountResult(new AccountView(profile, at), true));
    return samples;
  }

  @Test
  void everyPermittedSubclassRoundTrips() {
    Map<Class<?>, Object> samples = samples();
    List<Class<?>> concrete = new ArrayList<>();
    for (Class<?> hierarchy : HIERARCHIES) {
      collectConcrete(hierarchy, concrete);
    }
    concrete.add(AccountView.class);
    concrete.add(OpenAccountResult.class);
    Serialization serialization = SerializationExtension.get(testKit.system());
    for (Class<?> type : concrete) {
      Object sample = samples.get(type);
      assertTrue(sample != null, "no sample for " + type.getName() + ": add one to this test");
      assertTrue(sample instanceof CborSerializable, type + " must implement CborSerializable");
      var serializer = serialization.findSerializerFor(sample);
      assertTrue(
          serializer instanceof JacksonCborSerializer, type + " is not bound to jackson-cbor");
      byte[] bytes = serialization.serialize(sample).get();
      String manifest = Serializers.manifestFor(serializer, sample);
      Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
      assertEquals(sample, back, type.getName());
    }
  }

  private static void collectConcrete(Class<?> type, List<Class<?>> into) {
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        collectConcrete(sub, into);
      }
    } else {
      into.add(type);
    }
  }
}
