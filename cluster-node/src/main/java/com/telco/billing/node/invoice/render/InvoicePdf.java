package com.telco.billing.node.invoice.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.GregorianCalendar;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An invoice as a PDF: the page of {@link InvoiceHtml} (same template, same content) laid out on A4
 * by openhtmltopdf, following the template's print rules: the table of lines continues over as many
 * pages as it needs with its header repeated, a row never splits, and every page has the footer
 * "Invoice N · page i of n".
 *
 * <p>The fonts are embedded (only the glyphs used): Noto Sans for Latin, Greek and Cyrillic, Droid
 * Sans Fallback for Chinese, Japanese and Korean (see {@code resources/fonts/NOTICE.md}). The page
 * has no external resources, and the renderer is not allowed to load any.
 */
public final class InvoicePdf {
  private static final Logger log = LoggerFactory.getLogger(InvoicePdf.class);

  private InvoicePdf() {}

  /** A font shipped in the jar, read once: a render parses it from memory. */
  private record Font(String family, int weight, byte[] bytes) {
    InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  private static final Font REGULAR = font("Noto Sans", 400, "NotoSans-Regular.ttf");
  private static final Font BOLD = font("Noto Sans", 700, "NotoSans-Bold.ttf");
  private static final Font FALLBACK = font("Droid Sans Fallback", 400, "DroidSansFallback.ttf");

  /** The code points Noto Sans shows; a page with others also gets the fallback font. */
  private static final BitSet COVERED = coverage(REGULAR);

  /** The PDF of an invoice. */
  public static byte[] render(InvoiceDocument doc) {
    InvoiceView v = InvoiceView.of(doc);
    try {
      return layout(
          InvoiceHtml.render(v),
          info -> {
            info.setTitle("Invoice " + v.number());
            info.setAuthor(v.seller());
            info.setSubject("Invoice " + v.number() + " for account " + v.accountId());
            info.setCreationDate(GregorianCalendar.from(doc.issuedAt().atZone(ZoneOffset.UTC)));
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render invoice " + doc.number() + " as PDF", e);
    }
  }

  /**
   * A standalone page of this package's templates laid out on A4 with the embedded fonts, its
   * document information set by {@code info}. The renderer loads no external resource.
   */
  static byte[] layout(String html, Consumer<PDDocumentInformation> info) throws IOException {
    PdfRendererBuilder builder =
        new PdfRendererBuilder()
            .withHtmlContent(html, null)
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
            .useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
            .useFont(REGULAR::open, REGULAR.family(), REGULAR.weight(), FontStyle.NORMAL, true)
            .useFont(BOLD::open, BOLD.family(), BOLD.weight(), FontStyle.NORMAL, true);
    // parsing the 3 MB CJK font is most of a render's time: only for pages that need it
    if (needsFallback(html)) {
      builder.useFont(FALLBACK::open, FALLBACK.family(), FALLBACK.weight(), FontStyle.NORMAL, true);
    }
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      try (PDDocument pdf = renderer.createPDFKeepOpen()) {
        info.accept(pdf.getDocumentInformation());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf.save(out);
        return out.toByteArray();
      }
    }
  }

  /** Whether {@code text} has a visible character Noto Sans lacks. */
  static boolean needsFallback(String text) {
    return text.codePoints()
        .anyMatch(
            cp -> !COVERED.get(cp) && !Character.isWhitespace(cp) && !Character.isISOControl(cp));
  }

  static {
    XRLog.setLoggerImpl(new RendererLog());
  }

  /**
   * The renderer's messages, to SLF4J. Its notes (fonts loaded, screen-only CSS it ignores) are
   * expected on every render, so they go to debug; only its errors are warnings.
   */
  private static final class RendererLog implements XRLogger {
    @Override
    public void log(String where, Level level, String msg) {
      log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        log.warn("PDF ({}): {}", where, msg, th);
      } else {
        log.debug("PDF ({}): {}", where, msg, th);
      }
    }

    @Override
    public void setLevel(String logger, Level level) {}

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      return log.isDebugEnabled() || diagnostic.getLevel().intValue() >= Level.SEVERE.intValue();
    }
  }

  private static Font font(String family, int weight, String file) {
    String resource = "/fonts/" + file;
    try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: " + resource);
      }
      return new Font(family, weight, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static BitSet coverage(Font font) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.bytes()))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      BitSet covered = new BitSet(Character.MAX_CODE_POINT + 1);
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
        if (cmap.getGlyphId(cp) > 0) {
          covered.set(cp);
        }
      }
      return covered;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cmap of " + font.family(), e);
    }
  }
}
