package com.telco.billing.node.guiding;

import com.telco.billing.core.subscription.Holding;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceIdType;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.protocol.guiding.ServiceEvent.ServiceClaimed;
import com.telco.billing.protocol.guiding.ServiceEvent.ServiceReleased;
import com.telco.billing.protocol.guiding.journal.ServiceGuideSnapshot;
import com.telco.billing.protocol.journal.ServiceClaimRecord;
import com.telco.billing.protocol.journal.ServiceIdRecord;
import com.telco.billing.protocol.journal.ServiceReleaseRecord;
import java.util.List;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The one place the guiding entity's journal records are mapped from and to {@code billing-core}
 * values: its events and snapshots, and the claims and releases the account's events carry too.
 */
public final class GuidingJournal {
  private GuidingJournal() {}

  public static ServiceClaimed serviceClaimed(ServiceClaim claim) {
    return new ServiceClaimed(toRecord(claim));
  }

  public static ServiceReleased serviceReleased(ServiceRelease release) {
    return new ServiceReleased(toRecord(release));
  }

  /** Snapshots of the entity's state as {@link ServiceGuideSnapshot} records. */
  static final SnapshotAdapter<ServiceGuideState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(ServiceGuideState state) {
          return toSnapshot(state);
        }

        @Override
        public ServiceGuideState fromJournal(Object snapshot) {
          return fromSnapshot((ServiceGuideSnapshot) snapshot);
        }
      };

  public static ServiceGuideSnapshot toSnapshot(ServiceGuideState state) {
    ServiceHoldings holdings = state.holdings();
    return new ServiceGuideSnapshot(
        new ServiceGuideSnapshot.Holdings(
            toRecord(holdings.serviceId()),
            holdings.holdings().stream()
                .map(
                    h ->
                        new ServiceGuideSnapshot.Holding(
                            h.accountId(), h.subscriptionId(), h.from(), h.until()))
                .toList()));
  }

  public static ServiceGuideState fromSnapshot(ServiceGuideSnapshot snapshot) {
    ServiceGuideSnapshot.Holdings holdings = snapshot.holdings();
    return new ServiceGuideState(
        new ServiceHoldings(
            toServiceId(holdings.serviceId()),
            holdings.holdings().stream()
                .map(h -> new Holding(h.accountId(), h.subscriptionId(), h.from(), h.until()))
                .toList()));
  }

  public static ServiceIdRecord toRecord(ServiceId id) {
    return new ServiceIdRecord(id.type().name(), id.value());
  }

  public static ServiceId toServiceId(ServiceIdRecord record) {
    return new ServiceId(ServiceIdType.valueOf(record.type()), record.value());
  }

  public static ServiceClaimRecord toRecord(ServiceClaim claim) {
    return new ServiceClaimRecord(
        toRecord(claim.serviceId()), claim.accountId(), claim.subscriptionId(), claim.from());
  }

  public static ServiceClaim toClaim(ServiceClaimRecord record) {
    return new ServiceClaim(
        toServiceId(record.serviceId()),
        record.accountId(),
        record.subscriptionId(),
        record.from());
  }

  public static ServiceReleaseRecord toRecord(ServiceRelease release) {
    return new ServiceReleaseRecord(
        toRecord(release.serviceId()), release.accountId(), release.subscriptionId(), release.at());
  }

  public static ServiceRelease toRelease(ServiceReleaseRecord record) {
    return new ServiceRelease(
        toServiceId(record.serviceId()), record.accountId(), record.subscriptionId(), record.at());
  }

  public static List<ServiceClaimRecord> toClaimRecords(List<ServiceClaim> claims) {
    return claims.stream().map(GuidingJournal::toRecord).toList();
  }

  public static List<ServiceClaim> toClaims(List<ServiceClaimRecord> records) {
    return records.stream().map(GuidingJournal::toClaim).toList();
  }

  public static List<ServiceReleaseRecord> toReleaseRecords(List<ServiceRelease> releases) {
    return releases.stream().map(GuidingJournal::toRecord).toList();
  }

  public static List<ServiceRelease> toReleases(List<ServiceReleaseRecord> records) {
    return records.stream().map(GuidingJournal::toRelease).toList();
  }
}
