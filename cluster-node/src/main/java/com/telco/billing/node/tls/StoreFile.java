package com.telco.billing.node.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * A key store or trust store file and the password that opens it. The password is kept out of
 * {@link #toString()} (settings are logged).
 */
public final class StoreFile {
  private final Path path;
  private final String type;
  private final char[] password;

  /**
   * @param path the file
   * @param type the key store type ({@code PKCS12} or {@code JKS})
   * @param password opens the store and its private keys
   */
  public StoreFile(Path path, String type, char[] password) {
    this.path = path;
    this.type = type;
    this.password = password.clone();
  }

  public Path path() {
    return path;
  }

  public String type() {
    return type;
  }

  /** A copy of the password. */
  char[] password() {
    return password.clone();
  }

  /**
   * Reads the store.
   *
   * @throws IOException when the file cannot be read, is no store of this type, or the password
   *     does not open it
   */
  public KeyStore load() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read " + type + " store " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "StoreFile[" + path + ", " + type + "]";
  }
}
