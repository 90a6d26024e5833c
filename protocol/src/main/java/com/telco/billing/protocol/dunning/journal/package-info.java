/**
 * The dunning policy store's journal schema: a published policy version (see {@link
 * com.telco.billing.protocol.journal} for the rules of journal records). The store maps it from and
 * to its {@code billing-core} values in {@code DunningPolicyJournal}.
 */
package com.telco.billing.protocol.dunning.journal;
