package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.rating.Rater;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The catalog as entities on this node see it, with its {@link Rater}: compiled once per published
 * catalog and shared by every entity of the node (a rater is immutable and thread-safe).
 */
public final class RatingCatalog {
  private final Supplier<Catalog> catalog;
  private final AtomicReference<Rater> rater = new AtomicReference<>();

  /**
   * @param catalog the current catalog, e.g. {@code CatalogReplica::current}
   */
  public RatingCatalog(Supplier<Catalog> catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  public Catalog catalog() {
    return catalog.get();
  }

  /** The rater of the current catalog; rebuilt only when a new version was published. */
  public Rater rater() {
    Catalog current = catalog.get();
    Rater cached = rater.get();
    if (cached != null && cached.catalog() == current) {
      return cached;
    }
    Rater fresh = Rater.of(current);
    rater.set(fresh);
    return fresh;
  }
}
