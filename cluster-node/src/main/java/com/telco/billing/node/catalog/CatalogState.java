package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.catalog.CatalogEvent.CatalogVersionPublished;
import com.telco.billing.protocol.catalog.PublishedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published catalog versions in the order they were published (which the publication rules make
 * the order of their {@code effectiveFrom}). Immutable. It is the state of the {@link
 * CatalogEntity} and what each node's {@link CatalogReplica} folds the same events into.
 *
 * @param published the published versions, oldest first
 */
public record CatalogState(List<PublishedVersion> published) implements CborSerializable {

  /** No version published yet. */
  public static final CatalogState EMPTY = new CatalogState(List.of());

  public CatalogState {
    published = List.copyOf(published);
  }

  /** This state after the event. */
  public CatalogState apply(CatalogVersionPublished event) {
    return with(CatalogJournal.toPublished(event));
  }

  /** This state with {@code version} published after the others. */
  public CatalogState with(PublishedVersion version) {
    List<PublishedVersion> next = new ArrayList<>(published);
    next.add(version);
    return new CatalogState(next);
  }

  /** The published version with this id. */
  public Optional<PublishedVersion> lookupVersion(String versionId) {
    return published.stream().filter(p -> p.version().version().equals(versionId)).findFirst();
  }

  /** The validated versions, for the publication rules and the {@code Catalog} of rating. */
  public List<CatalogVersion> versions() {
    return published.stream().map(PublishedVersion::version).toList();
  }
}
