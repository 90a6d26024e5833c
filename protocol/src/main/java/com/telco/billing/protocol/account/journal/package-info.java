/**
 * The Account entity's journal schema: the records its events and snapshots are made of (see {@link
 * com.telco.billing.protocol.journal} for the rules of journal records). The entity maps them from
 * and to its {@code billing-core} values in {@code AccountJournal}.
 */
package com.telco.billing.protocol.account.journal;
