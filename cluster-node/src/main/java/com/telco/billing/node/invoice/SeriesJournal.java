package com.telco.billing.node.invoice;

import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/** The one place an invoice number series' snapshots are mapped from and to its state. */
public final class SeriesJournal {
  private SeriesJournal() {}

  /** Snapshots of the series' state as {@link SeriesSnapshot} records. */
  static final SnapshotAdapter<InvoiceSeriesEntity.State> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(InvoiceSeriesEntity.State state) {
          return toSnapshot(state);
        }

        @Override
        public InvoiceSeriesEntity.State fromJournal(Object snapshot) {
          return fromSnapshot((SeriesSnapshot) snapshot);
        }
      };

  public static SeriesSnapshot toSnapshot(InvoiceSeriesEntity.State state) {
    return new SeriesSnapshot(state.last(), state.pending());
  }

  public static InvoiceSeriesEntity.State fromSnapshot(SeriesSnapshot snapshot) {
    return new InvoiceSeriesEntity.State(snapshot.last(), snapshot.pending());
  }
}
