package com.telco.billing.sharding;

import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.invoice.SeriesCommand;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The entity types of the cluster. Their names are part of every persistence id: never rename. */
public final class EntityKeys {
  private EntityKeys() {}

  /** One entity per customer account; persistence id {@code Account|<accountId>}. */
  public static final EntityTypeKey<AccountCommand> ACCOUNT =
      EntityTypeKey.create(AccountCommand.class, "Account");

  /**
   * One guiding entity per service identifier (MSISDN, IMSI), sharded by the identifier; entity id
   * {@code TYPE:value}, persistence id {@code Service|TYPE:value}.
   */
  public static final EntityTypeKey<ServiceCommand> SERVICE =
      EntityTypeKey.create(ServiceCommand.class, "Service");

  /**
   * The product catalog: one entity, id {@code catalog}, the one writer of every catalog version;
   * persistence id {@code Catalog|catalog}.
   */
  public static final EntityTypeKey<CatalogCommand> CATALOG =
      EntityTypeKey.create(CatalogCommand.class, "Catalog");

  /**
   * One entity per invoice number series (by default per legal entity and year), the one writer of
   * its gap-free sequence; entity id the series id, persistence id {@code InvoiceSeries|<series>}.
   */
  public static final EntityTypeKey<SeriesCommand> INVOICE_SERIES =
      EntityTypeKey.create(SeriesCommand.class, "InvoiceSeries");

  /**
   * The dunning policies: one entity, id {@code policies}, the one writer of every dunning policy
   * version; persistence id {@code DunningPolicy|policies}.
   */
  public static final EntityTypeKey<DunningPolicyCommand> DUNNING_POLICY =
      EntityTypeKey.create(DunningPolicyCommand.class, "DunningPolicy");
}
