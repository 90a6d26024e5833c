package com.telco.billing.node.invoice.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * An invoice as a PDF (A4, Apache PDFBox, the standard Helvetica fonts, nothing embedded). Shows
 * the same content as {@link InvoiceHtml}; the table of lines continues over as many pages as it
 * needs, with its header repeated, and every page has a footer "Invoice N · page i of n".
 *
 * <p>The standard fonts only encode WinAnsi (Windows-1252) characters: every text is passed through
 * {@link #sanitize} first, so no customer name or description can make rendering fail.
 */
public final class InvoicePdf {
  private InvoicePdf() {}

  private static final float MARGIN = 40f;
  private static final float FOOTER = 30f;
  private static final float PAGE_W = PDRectangle.A4.getWidth();
  private static final float PAGE_H = PDRectangle.A4.getHeight();
  private static final float CONTENT_W = PAGE_W - 2 * MARGIN;
  private static final float BODY = 8f;
  private static final float SMALL = 7f;
  private static final float PAD = 3f;

  /** Line table columns: type, description, service period, quantity, unit price, amount. */
  private static final float[] LINE_COLS = {72, 160, 100, 68, 55, 60};

  private static final boolean[] LINE_NUMERIC = {false, false, false, true, true, true};

  /** Tax table columns: rate, categories, taxable amount, tax. */
  private static final float[] TAX_COLS = {60, 215, 120, 120};

  private static final boolean[] TAX_NUMERIC = {false, false, true, true};

  /** The Unicode code points the standard Helvetica fonts can show (WinAnsiEncoding). */
  private static final BitSet ENCODABLE = encodable();

  /** The PDF of an invoice. */
  public static byte[] render(InvoiceDocument doc) {
    InvoiceView v = InvoiceView.of(doc);
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle("Invoice " + v.number());
      info.setAuthor(v.seller());
      info.setSubject("Invoice " + v.number() + " for account " + v.accountId());
      info.setCreationDate(GregorianCalendar.from(doc.issuedAt().atZone(ZoneOffset.UTC)));
      Writer w = new Writer(pdf);
      try {
        write(w, v);
      } finally {
        w.close();
      }
      w.footers(v);
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render invoice " + doc.number() + " as PDF", e);
    }
  }

  private static void write(Writer w, InvoiceView v) throws IOException {
    // header: title and seller on the left, customer on the right
    float top = w.y;
    w.text(w.bold, 20, MARGIN, top - 20, "INVOICE");
    float leftY = top - 38;
    for (String s : w.wrap(v.seller(), w.bold, 11, 280)) {
      w.text(w.bold, 11, MARGIN, leftY, s);
      leftY -= 14;
    }
    float rightX = MARGIN + 320;
    float rightW = CONTENT_W - 320;
    float rightY = top - 12;
    for (String s : w.wrap(v.customerName(), w.bold, 11, rightW)) {
      w.text(w.bold, 11, rightX, rightY, s);
      rightY -= 14;
    }
    w.grey();
    w.text(w.regular, 9, rightX, rightY, "Account " + v.accountId());
    w.black();
    rightY -= 14;
    w.y = Math.min(leftY, rightY) - 10;

    for (InvoiceView.Field f : v.fields()) {
      w.ensure(13);
      w.grey();
      w.text(w.regular, 9, MARGIN, w.y - 9, f.label());
      w.black();
      w.text(w.regular, 9, MARGIN + 100, w.y - 9, f.value());
      w.y -= 13;
    }
    w.y -= 12;

    // the lines, with the table header repeated on every page
    w.heading("Charges");
    String[] lineHeader = {
      "Type",
      "Description",
      "Service period",
      "Quantity",
      "Unit price",
      "Amount (" + v.currency() + ")"
    };
    w.tableHeader(LINE_COLS, LINE_NUMERIC, lineHeader);
    w.onNewPage = () -> w.tableHeader(LINE_COLS, LINE_NUMERIC, lineHeader);
    for (InvoiceView.Row r : v.lines()) {
      w.lineRow(r);
    }
    w.onNewPage = null;
    w.y -= 14;

    w.heading("Tax");
    if (v.taxes().isEmpty()) {
      w.paragraph(v.taxNote(), BODY);
    } else {
      String[] taxHeader = {
        "Rate",
        "Tax categories",
        "Taxable amount (" + v.currency() + ")",
        "Tax (" + v.currency() + ")"
      };
      w.ensure(2 * (BODY + 2 * PAD + 4));
      w.tableHeader(TAX_COLS, TAX_NUMERIC, taxHeader);
      for (InvoiceView.TaxRow t : v.taxes()) {
        w.row(
            TAX_COLS,
            TAX_NUMERIC,
            new String[] {t.rate(), t.categories(), t.taxable(), t.tax()},
            new String[] {"", "", "", ""});
      }
    }
    w.y -= 10;

    // totals, right-aligned
    w.ensure(3 * 14 + 6);
    w.total("Net amount", v.net() + " " + v.currency(), false);
    w.total("Tax", v.tax() + " " + v.currency(), false);
    w.rule(PAGE_W - MARGIN - 220, PAGE_W - MARGIN, w.y - 2, 1f);
    w.y -= 4;
    w.total("Total", v.total() + " " + v.currency(), true);
    w.y -= 14;

    w.heading("Payment");
    w.paragraph(v.paymentTerms(), 9);
  }

  /** Draws onto the pages of one document, top to bottom, adding pages as needed. */
  private static final class Writer {
    final PDDocument pdf;
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDPageContentStream cs;
    float y;
    IoAction onNewPage;

    Writer(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      cs = new PDPageContentStream(pdf, page);
      y = PAGE_H - MARGIN;
      if (onNewPage != null) {
        onNewPage.run();
      }
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    /** Starts a new page unless {@code height} more points fit above the footer. */
    void ensure(float height) throws IOException {
      if (y - height < MARGIN + FOOTER) {
        newPage();
      }
    }

    void text(PDType1Font font, float size, float x, float baseline, String s) throws IOException {
      String t = sanitize(s);
      if (t.isEmpty()) {
        return;
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(x, baseline);
      cs.showText(t);
      cs.endText();
    }

    void textRight(PDType1Font font, float size, float right, float baseline, String s)
        throws IOException {
      text(font, size, right - width(font, size, s), baseline, s);
    }

    float width(PDType1Font font, float size, String s) throws IOException {
      return font.getStringWidth(sanitize(s)) / 1000f * size;
    }

    void grey() throws IOException {
      cs.setNonStrokingColor(0.4f, 0.4f, 0.4f);
    }

    void black() throws IOException {
      cs.setNonStrokingColor(0f, 0f, 0f);
    }

    void rule(float x1, float x2, float atY, float lineWidth) throws IOException {
      cs.setLineWidth(lineWidth);
      cs.setStrokingColor(0.6f, 0.6f, 0.6f);
      cs.moveTo(x1, atY);
      cs.lineTo(x2, atY);
      cs.stroke();
    }

    void heading(String s) throws IOException {
      ensure(40);
      text(bold, 12, MARGIN, y - 12, s);
      y -= 18;
    }

    void paragraph(String s, float size) throws IOException {
      for (String line : wrap(s, regular, size, CONTENT_W)) {
        ensure(size + 3);
        text(regular, size, MARGIN, y - size, line);
        y -= size + 3;
      }
    }

    void total(String label, String value, boolean strong) throws IOException {
      PDType1Font f = strong ? bold : regular;
      float right = PAGE_W - MARGIN;
      textRight(f, 10, right - 110, y - 10, label);
      textRight(f, 10, right, y - 10, value);
      y -= 14;
    }

    void tableHeader(float[] cols, boolean[] numeric, String[] titles) throws IOException {
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < cols.length; i++) {
        List<String> c = wrap(titles[i], bold, BODY, cols[i] - 2 * PAD);
        cells.add(c);
        lines = Math.max(lines, c.size());
      }
      float h = lines * (BODY + 2) + 2 * PAD;
      ensure(h + BODY + 2 * PAD);
      cs.setNonStrokingColor(0.93f, 0.93f, 0.93f);
      cs.addRect(MARGIN, y - h, CONTENT_W, h);
      cs.fill();
      black();
      float x = MARGIN;
      for (int i = 0; i < cols.length; i++) {
        float baseline = y - PAD - BODY;
        for (String s : cells.get(i)) {
          if (numeric[i]) {
            textRight(bold, BODY, x + cols[i] - PAD, baseline, s);
          } else {
            text(bold, BODY, x + PAD, baseline, s);
          }
          baseline -= BODY + 2;
        }
        x += cols[i];
      }
      y -= h;
    }

    void lineRow(InvoiceView.Row r) throws IOException {
      row(
          LINE_COLS,
          LINE_NUMERIC,
          new String[] {
            r.type(), r.description(), r.servicePeriod(), r.quantity(), r.unitPrice(), r.amount()
          },
          new String[] {"", r.details(), "", "", "", ""});
    }

    /**
     * One table row: each cell its main text ({@link #BODY} size) then its detail text (smaller,
     * grey), wrapped to the column. A row never splits over two pages; a row higher than a page is
     * cut.
     */
    void row(float[] cols, boolean[] numeric, String[] main, String[] detail) throws IOException {
      float maxH = PAGE_H - 2 * MARGIN - FOOTER - 60;
      List<List<String>> mains = new ArrayList<>();
      List<List<String>> details = new ArrayList<>();
      float h = 0;
      for (int i = 0; i < cols.length; i++) {
        float w = cols[i] - 2 * PAD;
        List<String> m = wrap(main[i], regular, BODY, w);
        List<String> d = detail[i].isEmpty() ? List.of() : wrap(detail[i], regular, SMALL, w);
        mains.add(m);
        details.add(d);
        h = Math.max(h, m.size() * (BODY + 2) + d.size() * (SMALL + 2));
      }
      h = Math.min(h, maxH) + 2 * PAD;
      ensure(h);
      float bottom = y - h + PAD;
      float x = MARGIN;
      for (int i = 0; i < cols.length; i++) {
        float baseline = y - PAD - BODY;
        for (String s : mains.get(i)) {
          if (baseline < bottom) {
            break;
          }
          if (numeric[i]) {
            textRight(regular, BODY, x + cols[i] - PAD, baseline, s);
          } else {
            text(regular, BODY, x + PAD, baseline, s);
          }
          baseline -= BODY + 2;
        }
        if (!details.get(i).isEmpty()) {
          grey();
          baseline += 1;
          for (String s : details.get(i)) {
            if (baseline < bottom) {
              break;
            }
            text(regular, SMALL, x + PAD, baseline, s);
            baseline -= SMALL + 2;
          }
          black();
        }
        x += cols[i];
      }
      y -= h;
      rule(MARGIN, MARGIN + CONTENT_W, y, 0.3f);
    }

    /** Splits {@code s} into lines no wider than {@code width}, at spaces, or inside long words. */
    List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
      String text = sanitize(s).strip();
      List<String> lines = new ArrayList<>();
      if (text.isEmpty()) {
        return lines;
      }
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" +")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(font, size, candidate) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // the word alone: break it where it overflows
        String rest = word;
        while (width(font, size, rest) > width && rest.length() > 1) {
          int n = rest.length() - 1;
          while (n > 1 && width(font, size, rest.substring(0, n)) > width) {
            n--;
          }
          lines.add(rest.substring(0, n));
          rest = rest.substring(n);
        }
        line.append(rest);
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    /** Writes "Invoice N · page i of n" and the seller at the bottom of every page. */
    void footers(InvoiceView v) throws IOException {
      int n = pdf.getNumberOfPages();
      for (int i = 0; i < n; i++) {
        PDPage page = pdf.getPage(i);
        try (PDPageContentStream c =
            new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          cs = c;
          grey();
          text(regular, SMALL, MARGIN, MARGIN - 10, v.seller());
          textRight(
              regular,
              SMALL,
              PAGE_W - MARGIN,
              MARGIN - 10,
              "Invoice " + v.number() + InvoiceView.SEP + "page " + (i + 1) + " of " + n);
        } finally {
          cs = null;
        }
      }
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  /**
   * Makes {@code text} showable with the standard 14 fonts (WinAnsiEncoding): whitespace and
   * control characters become spaces, invisible format characters are dropped, other characters the
   * encoding lacks are replaced by their compatibility decomposition without accents ({@code Ő} to
   * {@code O}, {@code ﬁ} to {@code fi}) where it can be encoded, by a few look-alikes ({@code Ł} to
   * {@code L}, {@code −} to {@code -}), else by {@code ?}. {@code null} is the empty string.
   */
  public static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == ' ' || ENCODABLE.get(cp)) {
        if (out != null) {
          out.appendCodePoint(cp);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(replacement(cp));
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static String replacement(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
      return " ";
    }
    if (Character.getType(cp) == Character.FORMAT) {
      return "";
    }
    switch (cp) {
      case 0x0141:
        return "L";
      case 0x0142:
        return "l";
      case 0x0110:
        return "D";
      case 0x0111:
        return "d";
      case 0x0131:
        return "i";
      case 0x2010, 0x2011, 0x2012, 0x2212:
        return "-";
      default:
        break;
    }
    String decomposed =
        Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    StringBuilder kept = new StringBuilder();
    decomposed
        .codePoints()
        .filter(c -> c == ' ' || ENCODABLE.get(c))
        .forEach(kept::appendCodePoint);
    return kept.length() == 0 ? "?" : kept.toString();
  }

  private static BitSet encodable() {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    GlyphList glyphs = GlyphList.getAdobeGlyphList();
    BitSet set = new BitSet(0x2200);
    for (String name : WinAnsiEncoding.INSTANCE.getCodeToNameMap().values()) {
      String unicode = glyphs.toUnicode(name);
      if (unicode == null || unicode.codePointCount(0, unicode.length()) != 1) {
        continue;
      }
      int cp = unicode.codePointAt(0);
      if (Character.isISOControl(cp)) {
        continue;
      }
      try {
        regular.encode(unicode);
        bold.encode(unicode);
        set.set(cp);
      } catch (IOException | IllegalArgumentException e) {
        // not showable: left out
      }
    }
    return set;
  }
}
