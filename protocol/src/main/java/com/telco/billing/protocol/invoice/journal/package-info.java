/**
 * An invoice number series' journal schema: its snapshot (see {@link
 * com.telco.billing.protocol.journal} for the rules of journal records; its events are {@link
 * com.telco.billing.protocol.invoice.SeriesEvent}). The series maps them from and to its state in
 * {@code SeriesJournal}.
 */
package com.telco.billing.protocol.invoice.journal;
