package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects signed amounts (debit positive) per account and reference, nets them, and makes the
 * posting: one line per account and reference, in the order first touched; zero nets make no line.
 */
final class PostingBuilder {
  private record Key(String glAccount, String reference) {}

  private final Map<Key, BigDecimal> amounts = new LinkedHashMap<>();

  PostingBuilder debit(String glAccount, String reference, BigDecimal amount) {
    amounts.merge(new Key(glAccount, reference), amount, BigDecimal::add);
    return this;
  }

  PostingBuilder credit(String glAccount, String reference, BigDecimal amount) {
    return debit(glAccount, reference, amount.negate());
  }

  List<PostingLine> lines() {
    List<PostingLine> lines = new ArrayList<>();
    for (Map.Entry<Key, BigDecimal> e : amounts.entrySet()) {
      BigDecimal net = e.getValue();
      if (net.signum() != 0) {
        lines.add(
            new PostingLine(
                e.getKey().glAccount(),
                net.signum() > 0 ? Side.DEBIT : Side.CREDIT,
                net.abs(),
                e.getKey().reference()));
      }
    }
    return lines;
  }

  /** The posting, or empty when every account nets to zero. */
  Optional<Posting> build(PostingSource source, PostingKind kind) {
    List<PostingLine> lines = lines();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Posting(
            source.postingId(),
            kind,
            source.legalEntity(),
            source.currency(),
            source.date(),
            source.accountId(),
            source.sourceDocument(),
            lines));
  }
}
