package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.node.json.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample catalog shipped in the repository ({@code samples/catalog.json}, version {@code
 * 2026-01}, effective from 2026-01-01), read from the file a newcomer publishes, plus variants with
 * another version id and {@code effectiveFrom}.
 */
public final class SampleCatalog {
  public static final String VERSION = "2026-01";
  public static final String EFFECTIVE_FROM = "2026-01-01T00:00:00Z";

  private SampleCatalog() {}

  /**
   * The file, found from the working directory: the module directory under Maven (Surefire and
   * Failsafe run there), the repository root in some IDEs.
   */
  public static Path path() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("samples/catalog.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("samples/catalog.json not found above " + dir);
  }

  /** The file's text, unchanged. */
  public static String json() {
    try {
      return Files.readString(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample as another version: the same content with this id and {@code effectiveFrom}. */
  public static String json(String version, String effectiveFrom) {
    String json = json();
    String versionField = "\"version\": \"" + VERSION + "\"";
    String effectiveField = "\"effectiveFrom\": \"" + EFFECTIVE_FROM + "\"";
    if (!json.contains(versionField) || !json.contains(effectiveField)) {
      throw new IllegalStateException("samples/catalog.json no longer starts as expected");
    }
    return json.replace(versionField, "\"version\": \"" + version + "\"")
        .replace(effectiveField, "\"effectiveFrom\": \"" + effectiveFrom + "\"");
  }

  public static CatalogDocument document() {
    return StrictJson.read(json(), CatalogDocument.class);
  }

  public static CatalogDocument document(String version, String effectiveFrom) {
    return StrictJson.read(json(version, effectiveFrom), CatalogDocument.class);
  }

  /**
   * The sample as a correction version: the same content with this id, {@code effectiveFrom} and a
   * {@code correction} object ({@code effectiveUntil}, {@code reason}), as a client posts it.
   */
  public static String correctionJson(
      String version, String effectiveFrom, String effectiveUntil, String reason) {
    String json = json(version, effectiveFrom);
    String effectiveField = "\"effectiveFrom\": \"" + effectiveFrom + "\"";
    return json.replace(
        effectiveField,
        effectiveField
            + ",\n  \"correction\": {\"effectiveUntil\": \""
            + effectiveUntil
            + "\", \"reason\": \""
            + reason
            + "\"}");
  }

  /** {@link #correctionJson} read as the HTTP layer reads it. */
  public static CatalogDocument correction(
      String version, String effectiveFrom, String effectiveUntil, String reason) {
    return StrictJson.read(
        correctionJson(version, effectiveFrom, effectiveUntil, reason), CatalogDocument.class);
  }

  /** The validated version of a document that must be valid. */
  public static CatalogVersion validated(CatalogDocument document) {
    return CatalogValidator.validate(document).value();
  }
}
