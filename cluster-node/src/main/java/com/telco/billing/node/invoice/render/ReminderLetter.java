package com.telco.billing.node.invoice.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A reminder letter ({@link ReminderLetterView}) as one standalone HTML5 page (inline CSS, no
 * scripts, no external resources) from the template {@code src/main/jte/reminder-letter.jte}, which
 * escapes every value for its HTML context, and as a PDF: the same page laid out on A4 by the
 * invoices' renderer ({@link InvoicePdf#layout}: embedded fonts, no external resources).
 */
public final class ReminderLetter {
  private ReminderLetter() {}

  private static final String TEMPLATE = "reminder-letter.jte";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          ReminderLetter.class.getClassLoader(),
          ReminderLetter.class.getPackageName());

  /** The complete HTML page of a letter. */
  public static String html(ReminderLetterView view) {
    return html(ReminderLetterPage.of(view));
  }

  static String html(ReminderLetterPage page) {
    StringOutput out = new StringOutput(4096 + 256 * page.rows().size());
    ENGINE.render(TEMPLATE, page, out);
    return out.toString();
  }

  /** The PDF of a letter. */
  public static byte[] pdf(ReminderLetterView view) {
    ReminderLetterPage page = ReminderLetterPage.of(view);
    try {
      return InvoicePdf.layout(
          html(page),
          info -> {
            info.setTitle("Payment reminder " + page.reference());
            info.setAuthor(page.seller());
            info.setSubject("Payment reminder for account " + page.accountId());
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render reminder " + page.reference() + " as PDF", e);
    }
  }

  /** The letter's subject line, for the mail it is sent in. */
  public static String subject(ReminderLetterView view) {
    return "Payment reminder: "
        + InvoiceFormat.amount(view.totalOverdue(), view.currency())
        + " "
        + view.currency().getCurrencyCode()
        + " overdue ("
        + InvoiceView.text(view.stepName())
        + ")";
  }

  /** The file name of the letter's PDF, e.g. {@code reminder-acc-1-1-0.pdf}. */
  public static String fileName(ReminderLetterView view) {
    return ("reminder-" + view.accountId() + "-" + view.episode() + "-" + view.stepIndex())
            .replaceAll("[^A-Za-z0-9._-]", "_")
        + ".pdf";
  }
}
