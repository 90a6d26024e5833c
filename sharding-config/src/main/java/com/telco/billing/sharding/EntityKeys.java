package com.telco.billing.sharding;

import com.telco.billing.protocol.account.AccountCommand;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The entity types of the cluster. Their names are part of every persistence id: never rename. */
public final class EntityKeys {
  private EntityKeys() {}

  /** One entity per customer account; persistence id {@code Account|<accountId>}. */
  public static final EntityTypeKey<AccountCommand> ACCOUNT =
      EntityTypeKey.create(AccountCommand.class, "Account");
}
