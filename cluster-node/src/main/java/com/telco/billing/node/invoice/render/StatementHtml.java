package com.telco.billing.node.invoice.render;

import com.telco.billing.protocol.payment.StatementView;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * An account statement as one standalone HTML5 page (inline CSS, no scripts, no external
 * resources), from the template {@code src/main/jte/statement.jte}, which escapes every value for
 * its HTML context: the account, the period, the opening balance, each entry (date, type,
 * reference, amount, running balance) and the closing balance, amounts with the currency's minor
 * units.
 */
public final class StatementHtml {
  private StatementHtml() {}

  private static final String TEMPLATE = "statement.jte";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          StatementHtml.class.getClassLoader(),
          StatementHtml.class.getPackageName());

  /** The complete HTML page of a statement. */
  public static String render(StatementView view) {
    return render(StatementPage.of(view));
  }

  static String render(StatementPage page) {
    StringOutput out = new StringOutput(4096 + 256 * page.rows().size());
    ENGINE.render(TEMPLATE, page, out);
    return out.toString();
  }
}
