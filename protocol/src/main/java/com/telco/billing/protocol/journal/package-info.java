/**
 * Values the journals of several entities share (the account's and the guiding entity's both record
 * claims and releases of service identifiers). Journal records are the persisted schema: plain
 * records of strings, numbers, dates and other journal records, never {@code billing-core} types,
 * so a change in the billing rules' types cannot change what is persisted. Each entity maps between
 * its journal records and its domain values in one place (its {@code *Journal} class). Their field
 * names are the persisted field names: rename one only with a Jackson migration. Equality is that
 * of the persisted form (an amount's scale counts); compare amounts on the domain side.
 */
package com.telco.billing.protocol.journal;
