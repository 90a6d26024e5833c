package com.telco.billing.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.security.AuthenticationFailure;
import com.telco.billing.node.security.Principal;
import com.telco.billing.node.security.Role;
import com.telco.billing.node.security.SecuritySettings;
import com.telco.billing.node.security.TokenVerifier;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DEV-ONLY key: kept across runs, trusted by a node configured from it, and nothing more. */
class DevKeysTest {
  @TempDir Path dir;

  private static TokenVerifier verifierOf(DevKeys keys) {
    SecuritySettings settings =
        SecuritySettings.from(
            keys.nodeConfig().withFallback(ConfigFactory.parseResources("billing.conf").resolve()));
    return TokenVerifier.from(settings.jwt(), Clock.systemUTC());
  }

  @Test
  void aNodeConfiguredFromTheKeyTrustsItsTokens() {
    DevKeys keys = DevKeys.in(dir);
    Principal p =
        verifierOf(keys)
            .verify(keys.token("dev", List.of("finance", "ops"), Duration.ofMinutes(5)));
    assertEquals("dev", p.subject());
    assertEquals(Set.of(Role.FINANCE, Role.OPS), p.roles());
  }

  @Test
  void theKeyIsKeptAndOnlyItsPublicHalfIsTrusted() throws Exception {
    DevKeys first = DevKeys.in(dir);
    DevKeys again = DevKeys.in(dir);
    String token = first.token("dev", List.of("ops"), Duration.ofMinutes(5));
    assertEquals("dev", verifierOf(again).verify(token).subject());
    String published = Files.readString(again.publicKeySet());
    assertFalse(published.contains("\"d\""), "the trusted file holds no private key");
    Path other = Files.createTempDirectory(dir, "other");
    assertThrows(AuthenticationFailure.class, () -> verifierOf(DevKeys.in(other)).verify(token));
    assertTrue(DevKeys.ISSUER.contains("dev"));
  }
}
