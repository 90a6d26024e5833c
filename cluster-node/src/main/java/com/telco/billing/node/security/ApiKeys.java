package com.telco.billing.node.security;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.telco.billing.core.validation.Validator;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.ApiKeyRequest;
import com.telco.billing.protocol.http.ApiKeyResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * API keys of machine clients: created, listed, rotated and revoked by an admin, verified on every
 * request that presents one. What a node read of a key is kept for {@code cache-ttl} (unknown ids
 * too, so that a client sending garbage does not reach Cassandra with every request); the node that
 * revokes or rotates a key forgets it at once.
 */
public final class ApiKeys {
  /** The longest lifetime a key may be given. */
  static final Duration MAX_LIFETIME = Duration.ofDays(3 * 366);

  private static final int MAX_NAME = 100;
  private static final int CACHED_KEYS = 10_000;

  /** A key read longer ago than this is read again when it refuses a secret. */
  static final Duration RELOAD_AFTER = Duration.ofSeconds(1);

  private final ApiKeyStore store;
  private final SecuritySettings.ApiKeySettings settings;
  private final Clock clock;
  private final AsyncLoadingCache<String, Read> known;
  private final Cache<String, Boolean> unknown;

  /** What a node read of a key, and when. */
  private record Read(ApiKey key, Instant at) {}

  public ApiKeys(ApiKeyStore store, SecuritySettings.ApiKeySettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    // keys that exist, and ids that do not, are kept apart: ids a client makes up cannot push the
    // real keys out
    known =
        Caffeine.newBuilder()
            .maximumSize(CACHED_KEYS)
            .expireAfterWrite(settings.cacheTtl())
            .buildAsync(
                (id, executor) ->
                    store
                        .find(id)
                        .thenApply(key -> key.map(k -> new Read(k, clock.instant())).orElse(null))
                        .toCompletableFuture());
    unknown =
        Caffeine.newBuilder()
            .maximumSize(CACHED_KEYS)
            .expireAfterWrite(settings.cacheTtl())
            .build();
  }

  /** A new key; the answer is the one place its secret is ever shown. */
  public CompletionStage<ApiKeyResponse> create(ApiKeyRequest request, String createdBy) {
    Instant now = clock.instant();
    Validator v = new Validator();
    Set<Role> roles = validate(v, request, now);
    if (!v.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(v.errors()).toException());
    }
    Duration lifetime =
        settings.defaultLifetime().compareTo(MAX_LIFETIME) > 0
            ? MAX_LIFETIME
            : settings.defaultLifetime();
    Instant expires = request.expiresAt() == null ? now.plus(lifetime) : request.expiresAt();
    String secret = ApiKey.newSecret();
    ApiKey key =
        new ApiKey(
            ApiKey.newId(),
            request.name().strip(),
            roles,
            now,
            createdBy,
            expires,
            ApiKey.hash(secret),
            null,
            null,
            null);
    return store.save(key).thenApply(done -> view(key, secret));
  }

  public CompletionStage<List<ApiKeyResponse>> list() {
    return store
        .all()
        .thenApply(
            keys ->
                keys.stream()
                    .sorted(Comparator.comparing(ApiKey::id))
                    .map(key -> view(key, null))
                    .toList());
  }

  public CompletionStage<ApiKeyResponse> get(String id) {
    return existing(id).thenApply(key -> view(key, null));
  }

  /** Revokes a key at once; every node stops accepting it within {@code cache-ttl}. */
  public CompletionStage<ApiKeyResponse> revoke(String id) {
    return existing(id)
        .thenCompose(
            key ->
                store
                    .delete(id)
                    .thenApply(
                        done -> {
                          known.synchronous().invalidate(id);
                          return view(key, null);
                        }));
  }

  /**
   * A new secret for a key; the one it replaces stays valid for {@code rotation-grace}, so the
   * client can switch over without an outage.
   */
  public CompletionStage<ApiKeyResponse> rotate(String id) {
    return existing(id)
        .thenCompose(
            key -> {
              Instant now = clock.instant();
              String secret = ApiKey.newSecret();
              ApiKey rotated = key.rotated(secret, now, now.plus(settings.rotationGrace()));
              return store
                  .rotate(rotated, key.secretHash())
                  .thenApply(
                      applied -> {
                        known.synchronous().invalidate(id);
                        if (!applied) {
                          throw Refusal.of(
                                  RefusalCode.API_KEY_CHANGED,
                                  "id",
                                  "the key was rotated or revoked meanwhile; read it again")
                              .toException();
                        }
                        return view(rotated, secret);
                      });
            });
  }

  /**
   * The caller an {@code <id>.<secret>} credential stands for.
   *
   * @return a stage failed with {@link AuthenticationFailure} when it opens no valid key
   */
  public CompletionStage<Principal> verify(String credential) {
    int dot = credential.indexOf('.');
    String id = dot < 0 ? credential : credential.substring(0, dot);
    if (dot < 0 || !ApiKey.ID.matcher(id).matches()) {
      return CompletableFuture.failedFuture(
          new AuthenticationFailure("an API key is sent as ApiKey <id>.<secret>"));
    }
    String secret = credential.substring(dot + 1);
    if (unknown.getIfPresent(id) != null) {
      return CompletableFuture.failedFuture(new AuthenticationFailure("the API key is not valid"));
    }
    return known
        .get(id)
        .thenCompose(
            read -> {
              Instant now = clock.instant();
              if (read != null
                  && !read.key().admits(secret, now)
                  && read.at().isBefore(now.minus(RELOAD_AFTER))) {
                // a secret another node just issued by a rotation: read the key again, once
                known.synchronous().invalidate(id);
                return known.get(id);
              }
              return CompletableFuture.completedFuture(read);
            })
        .thenApply(
            read -> {
              if (read == null) {
                unknown.put(id, Boolean.TRUE);
                throw new AuthenticationFailure("the API key is not valid");
              }
              if (!read.key().admits(secret, clock.instant())) {
                throw new AuthenticationFailure("the API key is not valid");
              }
              return read.key().principal();
            });
  }

  private CompletionStage<ApiKey> existing(String id) {
    if (id == null || !ApiKey.ID.matcher(id).matches()) {
      return CompletableFuture.failedFuture(notFound());
    }
    return store
        .find(id)
        .thenApply(
            key -> {
              if (key.isEmpty()) {
                throw notFound();
              }
              return key.get();
            });
  }

  private static RuntimeException notFound() {
    return Refusal.of(RefusalCode.API_KEY_NOT_FOUND, "id", "no API key with this id").toException();
  }

  private static Set<Role> validate(Validator v, ApiKeyRequest request, Instant now) {
    if (request == null) {
      v.requireText(null, "name");
      return Set.of();
    }
    v.requireFreeText(request.name(), "name", MAX_NAME);
    Set<Role> roles = Set.of();
    if (request.roles() == null || request.roles().isEmpty()) {
      v.require(false, "required", "roles", "roles must name at least one role");
    } else {
      for (int i = 0; i < request.roles().size(); i++) {
        String name = request.roles().get(i);
        v.require(
            name != null && Role.named(name).isPresent(),
            "unknown_role",
            "roles[" + i + "]",
            "not a role; roles are " + roleNames());
      }
      roles = Role.allNamed(request.roles().stream().filter(r -> r != null).toList());
    }
    if (request.expiresAt() != null) {
      v.require(
          request.expiresAt().isAfter(now), "not_in_future", "expiresAt", "must be in the future");
      v.require(
          !request.expiresAt().isAfter(now.plus(MAX_LIFETIME)),
          "out_of_range",
          "expiresAt",
          "a key lives at most " + MAX_LIFETIME.toDays() + " days");
    }
    return roles;
  }

  private static List<String> roleNames() {
    return java.util.Arrays.stream(Role.values()).map(Role::wireName).toList();
  }

  private static ApiKeyResponse view(ApiKey key, String secret) {
    return new ApiKeyResponse(
        key.id(),
        key.name(),
        key.roles().stream().sorted().map(Role::wireName).toList(),
        key.createdAt(),
        key.createdBy(),
        key.expiresAt(),
        key.rotatedAt(),
        key.previousValidUntil(),
        secret);
  }
}
