package com.telco.billing.node.payment.directdebit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DirectDebitSettingsTest {
  private static Config node(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.parseResources("billing.conf"))
        .resolve();
  }

  @Test
  void theShippedDefaults() {
    DirectDebitSettings settings = DirectDebitSettings.from(node(""));
    assertEquals(Path.of("var/direct-debits"), settings.folder());
    assertEquals(1, settings.leadDays());
    assertEquals(35, settings.lookbackDays());
    assertEquals(2000, settings.maxTransactionsPerFile());
    assertTrue(settings.creditors().containsKey("TELCO_DE"));
    Creditor creditor = settings.creditors().get("DEFAULT");
    assertEquals("DEFAULT", creditor.legalEntity());
    assertEquals("DE98ZZZ09999999999", creditor.creditorId());
    assertEquals("DE89370400440532013000", creditor.iban().value());
  }

  @Test
  void aCreditorWithABadIbanOrIdentifierStopsTheNode() {
    var badIban =
        assertThrows(
            ConfigException.class,
            () ->
                DirectDebitSettings.from(
                    node(
                        "billing.payments.direct-debit.creditors.X { name = x, iban = \"DE00370400440532013000\", bic = COBADEFFXXX, creditor-id = DE98ZZZ09999999999 }")));
    assertTrue(badIban.getMessage().contains("creditors.X.iban"), badIban.getMessage());
    assertTrue(!badIban.getMessage().contains("370400"), "the IBAN is not repeated");
    assertThrows(
        ConfigException.class,
        () ->
            DirectDebitSettings.from(
                node(
                    "billing.payments.direct-debit.creditors.X { name = x, iban = \"DE89370400440532013000\", bic = COBADEFFXXX, creditor-id = DE97ZZZ09999999999 }")));
    assertThrows(
        ConfigException.class,
        () -> DirectDebitSettings.from(node("billing.payments.direct-debit.lead-time = 36h")));
  }

  @Test
  void legalEntitiesShortEnoughForAMessageId() {
    assertThrows(
        ConfigException.class,
        () ->
            DirectDebitSettings.from(
                node(
                    "billing.payments.direct-debit.creditors.A_VERY_LONG_ENTITY_1 { name = x, iban ="
                        + " \"DE89370400440532013000\", bic = COBADEFFXXX, creditor-id ="
                        + " DE98ZZZ09999999999 }")));
  }

  @Test
  void leadTimeInWholeDays() {
    assertEquals(
        Duration.ofDays(3),
        DirectDebitSettings.from(node("billing.payments.direct-debit.lead-time = 3 days"))
            .leadTime());
  }
}
