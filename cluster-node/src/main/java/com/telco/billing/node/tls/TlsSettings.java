package com.telco.billing.node.tls;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the TLS parts of a settings section: store files with their passwords, and the protocol
 * versions offered. Every value is checked when the node starts (the store is opened with its
 * password), so that a wrong path or password stops the node with a message naming the key.
 *
 * <p>A store named {@code keystore} in section {@code S} is configured by {@code S.keystore-path}
 * (empty: none), {@code S.keystore-type} ({@code PKCS12} or {@code JKS}), and its password by
 * {@code S.keystore-password-file} (a file whose content, without a trailing line break, is the
 * password: a mounted Secret) or, when that is empty, by the environment variable named by {@code
 * S.keystore-password-env}.
 */
public final class TlsSettings {
  /** The protocol versions a node may offer: TLS 1.2 and newer. */
  public static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

  private static final Set<String> STORE_TYPES = Set.of("PKCS12", "JKS");

  private TlsSettings() {}

  /**
   * The store {@code name} of {@code section}, or empty when its path is empty.
   *
   * @param environment looks up environment variables ({@code System::getenv} in a node)
   * @param mustHoldKey the store must hold a private key (a key store, not a trust store)
   */
  public static Optional<StoreFile> store(
      Config config,
      String section,
      String name,
      Function<String, String> environment,
      boolean mustHoldKey) {
    String pathKey = section + "." + name + "-path";
    String location = config.getString(pathKey).trim();
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(location);
    if (!Files.isReadable(path)) {
      throw ConfigChecks.badValue(pathKey, "no readable file " + path);
    }
    String typeKey = section + "." + name + "-type";
    String type = config.getString(typeKey).trim().toUpperCase(Locale.ROOT);
    if (!STORE_TYPES.contains(type)) {
      throw ConfigChecks.badValue(typeKey, "must be PKCS12 or JKS, not \"" + type + "\"");
    }
    PasswordRead password = password(config, section + "." + name, environment);
    StoreFile store = new StoreFile(path, type, password.value());
    KeyStore loaded;
    try {
      loaded = store.load();
    } catch (IOException e) {
      throw ConfigChecks.badValue(
          password.key(), "does not open " + path + " as " + type + " (" + e.getMessage() + ")");
    }
    if (mustHoldKey && !holdsKey(loaded)) {
      throw ConfigChecks.badValue(pathKey, path + " holds no private key");
    }
    return Optional.of(store);
  }

  /**
   * The protocol versions listed at {@code path}: at least one, each of {@link #ALLOWED_PROTOCOLS}.
   */
  public static List<String> protocols(Config config, String path) {
    List<String> protocols = config.getStringList(path);
    if (protocols.isEmpty()) {
      throw ConfigChecks.badValue(path, "must name at least one of " + ALLOWED_PROTOCOLS);
    }
    for (String protocol : protocols) {
      if (!ALLOWED_PROTOCOLS.contains(protocol)) {
        throw ConfigChecks.badValue(
            path, "\"" + protocol + "\" is not allowed (only " + ALLOWED_PROTOCOLS + ")");
      }
    }
    return List.copyOf(protocols);
  }

  /** The password and the key it came from (for the message when it does not open the store). */
  private record PasswordRead(char[] value, String key) {}

  private static PasswordRead password(
      Config config, String prefix, Function<String, String> environment) {
    String fileKey = prefix + "-password-file";
    String file = config.getString(fileKey).trim();
    if (!file.isEmpty()) {
      try {
        String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return new PasswordRead(stripLineBreak(text).toCharArray(), fileKey);
      } catch (IOException e) {
        throw ConfigChecks.badValue(fileKey, "cannot read " + file + " (" + e.getMessage() + ")");
      }
    }
    String envKey = prefix + "-password-env";
    String variable = config.getString(envKey).trim();
    String value = variable.isEmpty() ? null : environment.apply(variable);
    if (value == null) {
      throw ConfigChecks.badValue(
          envKey,
          "the environment variable \""
              + variable
              + "\" is not set, and "
              + fileKey
              + " names no file");
    }
    return new PasswordRead(value.toCharArray(), envKey);
  }

  /** {@code kubectl create secret --from-file} keeps a trailing newline of the file. */
  private static String stripLineBreak(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  private static boolean holdsKey(KeyStore store) {
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return true;
        }
      }
      return false;
    } catch (KeyStoreException e) {
      throw new IllegalStateException("the store was loaded above", e);
    }
  }
}
