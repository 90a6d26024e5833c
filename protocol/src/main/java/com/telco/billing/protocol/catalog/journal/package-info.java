/**
 * The Catalog entity's journal schema: a published version as validated and the document it was
 * posted as (see {@link com.telco.billing.protocol.journal} for the rules of journal records). The
 * entity maps them from and to its {@code billing-core} values in {@code CatalogJournal}.
 */
package com.telco.billing.protocol.catalog.journal;
