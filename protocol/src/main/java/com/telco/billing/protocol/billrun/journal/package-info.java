/**
 * The bill-cycle singleton's journal schema: its snapshot (see {@link
 * com.telco.billing.protocol.journal} for the rules of journal records; its events are {@link
 * com.telco.billing.protocol.billrun.BillRunEvent}). The coordinator maps them from and to its
 * state in {@code BillRunJournal}.
 */
package com.telco.billing.protocol.billrun.journal;
