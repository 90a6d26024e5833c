package com.telco.billing.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API key secrets: hashes only, expiry, and the rotation grace period. */
class ApiKeyTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static ApiKey key(String secret) {
    return new ApiKey(
        "ak_0123456789abcdef",
        "mediation feed A",
        Set.of(Role.MEDIATION),
        T0,
        "admin-1",
        T0.plusSeconds(86_400 * 30),
        ApiKey.hash(secret),
        null,
        null,
        null);
  }

  @Test
  void theSecretOpensTheKeyUntilItExpires() {
    ApiKey key = key("s3cret");
    assertTrue(key.admits("s3cret", T0));
    assertFalse(key.admits("s3cret ", T0));
    assertFalse(key.admits("", T0));
    assertFalse(key.admits("s3cret", key.expiresAt()));
    assertEquals("api-key:ak_0123456789abcdef", key.principal().subject());
    assertEquals(Set.of(Role.MEDIATION), key.principal().roles());
    assertFalse(key.toString().contains("s3cret"));
  }

  @Test
  void afterARotationBothSecretsWorkUntilTheGraceEnds() {
    ApiKey rotated = key("old").rotated("new", T0.plusSeconds(60), T0.plusSeconds(3660));
    assertTrue(rotated.admits("new", T0.plusSeconds(61)));
    assertTrue(rotated.admits("old", T0.plusSeconds(3659)));
    assertFalse(rotated.admits("old", T0.plusSeconds(3660)));
    assertTrue(rotated.admits("new", T0.plusSeconds(3660)));
    ApiKey twice = rotated.rotated("newer", T0.plusSeconds(100), T0.plusSeconds(200));
    assertFalse(twice.admits("old", T0.plusSeconds(150)), "only the last secret is kept");
    assertTrue(twice.admits("new", T0.plusSeconds(150)));
    assertTrue(twice.admits("newer", T0.plusSeconds(150)));
  }

  @Test
  void idsAndSecretsAreRandomAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = ApiKey.newId();
      assertTrue(ApiKey.ID.matcher(id).matches(), id);
      ids.add(id);
    }
    assertEquals(1000, ids.size());
    String secret = ApiKey.newSecret();
    assertEquals(43, secret.length());
    assertNotEquals(secret, ApiKey.newSecret());
    assertEquals(32, ApiKey.hash(secret).length);
  }
}
