package com.telco.billing.node.invoice.render;

/**
 * Times the rendering of one invoice as PDF and HTML on this machine (not a test: run its {@code
 * main} from the test class path). Prints the mean over the measured rounds after a warm-up.
 */
final class InvoiceRenderTiming {
  private InvoiceRenderTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    time("pdf, 7 lines", rounds, () -> InvoicePdf.render(InvoiceSamples.eur()).length);
    time(
        "pdf, 200 lines",
        rounds / 10,
        () -> InvoicePdf.render(InvoiceSamples.manyLines(200)).length);
    time("html, 7 lines", rounds * 10, () -> InvoiceHtml.render(InvoiceSamples.eur()).length());
  }

  private static void time(String what, int rounds, java.util.function.IntSupplier render) {
    long first = System.nanoTime();
    int size = render.getAsInt();
    long firstNanos = System.nanoTime() - first;
    for (int i = 0; i < rounds; i++) {
      render.getAsInt();
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      size = render.getAsInt();
    }
    double meanMs = (System.nanoTime() - start) / 1e6 / rounds;
    System.out.printf(
        "%-16s first %.1f ms, then mean %.3f ms over %d rounds (%d bytes)%n",
        what, firstNanos / 1e6, meanMs, rounds, size);
  }
}
