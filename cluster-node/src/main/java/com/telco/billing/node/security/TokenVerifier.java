package com.telco.billing.node.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies OAuth2 bearer tokens: a JWS signed RS256 or ES256 by a key of the configured JWK set (an
 * identity provider's JWKS URL, or a file), naming the configured issuer and audience, with a
 * subject, inside its {@code nbf}..{@code exp} window (with the configured clock skew). Anything
 * else, {@code alg=none} and HMAC included, is refused.
 *
 * <p>A verified token is kept (bounded, until it expires) so that a client that sends the same
 * token with every request has it verified once.
 */
public final class TokenVerifier {
  /** The signature algorithms a token may use. */
  public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  /** Subjects of API keys ({@link ApiKey#principal}); no token may carry one. */
  static final String API_KEY_SUBJECTS = "api-key:";

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String rolesClaim;
  private final Clock clock;
  private final boolean remoteKeys;
  private final Cache<String, Verified> verified;

  private record Verified(Principal principal, Instant expires) {}

  private TokenVerifier(
      JWKSource<SecurityContext> keys,
      SecuritySettings.JwtSettings settings,
      Clock clock,
      boolean remoteKeys) {
    this.rolesClaim = settings.rolesClaim();
    this.clock = clock;
    this.remoteKeys = remoteKeys;
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(settings.audience()),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp"),
            null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    verified = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
  }

  /**
   * The verifier of the configured key source.
   *
   * @throws IllegalArgumentException when the key file cannot be read or holds no usable key
   */
  public static TokenVerifier from(SecuritySettings.JwtSettings settings, Clock clock) {
    if (!settings.jwksUrl().isBlank()) {
      try {
        JWKSource<SecurityContext> source =
            JWKSourceBuilder.<SecurityContext>create(URI.create(settings.jwksUrl()).toURL())
                .retrying(true)
                .build();
        return new TokenVerifier(source, settings, clock, true);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the configured JWKS URL is not a URL", e);
      }
    }
    return new TokenVerifier(
        new ImmutableJWKSet<>(readKeys(Path.of(settings.publicKeyFile()))), settings, clock, false);
  }

  /** Whether verifying may fetch keys over the network (so it belongs on a blocking thread). */
  public boolean fetchesKeys() {
    return remoteKeys;
  }

  /**
   * The caller a token stands for.
   *
   * @throws AuthenticationFailure when the token is not one this node accepts
   */
  public Principal verify(String token) {
    Principal known = verified(token);
    if (known != null) {
      return known;
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (KeySourceException e) {
      throw new KeysUnavailable(e);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw new AuthenticationFailure("the bearer token is not valid");
    }
    if (claims.getSubject().startsWith(API_KEY_SUBJECTS)) {
      // the subjects of API keys are this node's to give: a token cannot pose as a key
      throw new AuthenticationFailure("the bearer token is not valid");
    }
    Principal principal = new Principal(claims.getSubject(), roles(claims), null);
    verified.put(digest(token), new Verified(principal, claims.getExpirationTime().toInstant()));
    return principal;
  }

  /** The caller of a token verified before and not expired since, else null. */
  public Principal verified(String token) {
    String key = digest(token);
    Verified known = verified.getIfPresent(key);
    if (known == null) {
      return null;
    }
    if (known.expires().isAfter(clock.instant())) {
      return known.principal();
    }
    verified.invalidate(key);
    return null;
  }

  /** Cache keys: a token's SHA-256, so that an entry is small whatever the token's size. */
  private static String digest(String token) {
    return java.util.HexFormat.of().formatHex(ApiKey.hash(token));
  }

  /**
   * The role names of the roles claim; a dotted name reaches into objects (e.g. {@code
   * realm_access.roles}, where Keycloak puts a realm's roles).
   */
  private java.util.Set<Role> roles(JWTClaimsSet claims) {
    Object value = claims.getClaims();
    for (String part : rolesClaim.split("\\.")) {
      value = value instanceof java.util.Map<?, ?> map ? map.get(part) : null;
    }
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(n -> n instanceof String)) {
      throw new AuthenticationFailure("the token's roles claim is not a list of names");
    }
    return Role.allNamed(list.stream().map(String.class::cast).toList());
  }

  /** A JWK set file, or a PEM {@code PUBLIC KEY} (RSA or EC). */
  static JWKSet readKeys(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the configured token key file cannot be read: " + file, e);
    }
    try {
      JWKSet set =
          text.contains("-----BEGIN PUBLIC KEY-----")
              ? new JWKSet(fromPem(text))
              : JWKSet.parse(text).toPublicJWKSet();
      if (set.getKeys().isEmpty()) {
        throw new IllegalArgumentException("no key in " + file);
      }
      return set;
    } catch (ParseException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the configured token key file holds no usable key: " + file, e);
    }
  }

  private static JWK fromPem(String pem) throws GeneralSecurityException {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(spec);
        if (key instanceof RSAPublicKey rsa) {
          return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
          return new ECKey.Builder(
                  com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec)
              .build();
        }
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last == null ? new GeneralSecurityException("not an RSA or EC key") : last;
  }
}
