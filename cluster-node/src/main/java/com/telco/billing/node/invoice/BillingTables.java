package com.telco.billing.node.invoice;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The billing read sides in Cassandra, kept by {@link BillingProjection} from the account events:
 * the accounts of each bill cycle day (what a bill run walks through) and the issued invoices by
 * number (what {@code GET /invoices/{number}} serves). Prepared statements only.
 */
public final class BillingTables
    implements com.telco.billing.node.billrun.BillRunPorts.CycleDayAccounts {
  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insertAccount;
  private final CompletionStage<PreparedStatement> pageAccounts;
  private final CompletionStage<PreparedStatement> countAccounts;
  private final CompletionStage<PreparedStatement> insertInvoice;
  private final CompletionStage<PreparedStatement> selectInvoice;

  /** One issued invoice as the read side keeps it; {@code document} is its JSON. */
  public record InvoiceRow(
      String number,
      String accountId,
      LocalDate periodStart,
      LocalDate issueDate,
      String currency,
      BigDecimal total,
      String document) {}

  public BillingTables(ActorSystem<?> system) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    String ks = system.settings().config().getString("billing.cassandra.keyspace");
    insertAccount =
        session.prepare(
            "INSERT INTO " + ks + ".accounts_by_cycle_day (cycle_day, account_id) VALUES (?, ?)");
    pageAccounts =
        session.prepare(
            "SELECT account_id FROM "
                + ks
                + ".accounts_by_cycle_day WHERE cycle_day = ? AND account_id > ? LIMIT ?");
    countAccounts =
        session.prepare(
            "SELECT COUNT(*) FROM " + ks + ".accounts_by_cycle_day WHERE cycle_day = ?");
    insertInvoice =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".invoices (number, account_id, period_start, issue_date, currency, total,"
                + " document) VALUES (?, ?, ?, ?, ?, ?, ?)");
    selectInvoice =
        session.prepare(
            "SELECT number, account_id, period_start, issue_date, currency, total, document FROM "
                + ks
                + ".invoices WHERE number = ?");
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".accounts_by_cycle_day (cycle_day int, account_id text,"
            + " PRIMARY KEY ((cycle_day), account_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".invoices (number text PRIMARY KEY, account_id text, period_start date,"
            + " issue_date date, currency text, total decimal, document text)");
  }

  public CompletionStage<Done> addAccount(int cycleDay, String accountId) {
    return insertAccount.thenCompose(ps -> session.executeWrite(ps.bind(cycleDay, accountId)));
  }

  @Override
  public CompletionStage<List<String>> accounts(int cycleDay, String afterAccountId, int limit) {
    return pageAccounts
        .thenCompose(ps -> session.selectAll(ps.bind(cycleDay, afterAccountId, limit)))
        .thenApply(
            rows -> {
              List<String> ids = new ArrayList<>(rows.size());
              for (Row row : rows) {
                ids.add(row.getString(0));
              }
              return ids;
            });
  }

  @Override
  public CompletionStage<Long> countAccounts(int cycleDay) {
    return countAccounts
        .thenCompose(ps -> session.selectOne(ps.bind(cycleDay)))
        .thenApply(row -> row.map(r -> r.getLong(0)).orElse(0L));
  }

  public CompletionStage<Done> addInvoice(InvoiceRow row) {
    return insertInvoice.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                    row.number(),
                    row.accountId(),
                    row.periodStart(),
                    row.issueDate(),
                    row.currency(),
                    row.total(),
                    row.document())));
  }

  public CompletionStage<Optional<InvoiceRow>> invoice(String number) {
    return selectInvoice
        .thenCompose(ps -> session.selectOne(ps.bind(number)))
        .thenApply(
            row ->
                row.map(
                    r ->
                        new InvoiceRow(
                            r.getString("number"),
                            r.getString("account_id"),
                            r.getLocalDate("period_start"),
                            r.getLocalDate("issue_date"),
                            r.getString("currency"),
                            r.getBigDecimal("total"),
                            r.getString("document"))));
  }
}
