package com.telco.billing.node.http;

import com.telco.billing.node.invoice.render.ReminderLetter;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.node.mail.ReminderLetters;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Reminder letters: {@code GET /accounts/{id}/dunning/letters/{episode}/{stepIndex}}, the letter of
 * a dunning step that sent a reminder, as HTML or PDF by {@code ?format=} or the {@code Accept}
 * header (HTML without either); 404 {@code letter_not_found} when the step did not fire or sent no
 * reminder.
 */
public final class ReminderLetterRoutes extends AllDirectives {
  private final Access access;
  private final ReminderLetters letters;

  public ReminderLetterRoutes(Access access, ReminderLetters letters) {
    this.access = access;
    this.letters = letters;
  }

  public Route routes() {
    return pathPrefix(
        "accounts",
        () ->
            pathPrefix(
                PathMatchers.segment(),
                id ->
                    pathPrefix(
                        PathMatchers.segment("dunning").slash("letters"),
                        () ->
                            path(
                                PathMatchers.integerSegment().slash(PathMatchers.integerSegment()),
                                (episode, stepIndex) ->
                                    access.endpoint(
                                        Endpoints.REMINDER_LETTER,
                                        () ->
                                            letter(
                                                () -> letters.letter(id, episode, stepIndex)))))));
  }

  /** The formats a letter is served in, each with its content type. */
  enum LetterFormat {
    HTML(ContentTypes.TEXT_HTML_UTF8),
    PDF(ContentTypes.create(MediaTypes.APPLICATION_PDF));

    private final ContentType contentType;

    LetterFormat(ContentType contentType) {
      this.contentType = contentType;
    }

    /** The format named by {@code ?format=} ({@code html}, {@code pdf}). */
    static Optional<LetterFormat> named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "html" -> Optional.of(HTML);
        case "pdf" -> Optional.of(PDF);
        default -> Optional.empty();
      };
    }

    /** The letter rendered in this format. */
    HttpEntity.Strict entity(ReminderLetterView view) {
      return switch (this) {
        case HTML -> HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, ReminderLetter.html(view));
        case PDF -> HttpEntities.create(contentType, ReminderLetter.pdf(view));
      };
    }

    Marshaller<ReminderLetterView, RequestEntity> marshaller() {
      return Marshaller.withFixedContentType(contentType, view -> (RequestEntity) entity(view));
    }
  }

  /**
   * The formats for the {@code Accept} header, q-values honoured: HTML without a header or for
   * {@code *}{@code /*}. Only the chosen format is rendered.
   */
  private static final Marshaller<ReminderLetterView, RequestEntity> NEGOTIATED =
      Marshaller.oneOf(LetterFormat.HTML.marshaller(), LetterFormat.PDF.marshaller());

  /**
   * The letter in the format {@code ?format=} names, else in the best format for the {@code Accept}
   * header (406 when it accepts neither); an unknown {@code ?format=} is refused before the account
   * is asked.
   */
  Route letter(Supplier<CompletionStage<ReminderLetterView>> lookup) {
    return parameterOptional(
        "format",
        asked -> {
          if (asked.isEmpty()) {
            return onSuccess(lookup.get(), view -> complete(StatusCodes.OK, view, NEGOTIATED));
          }
          return LetterFormat.named(asked.get())
              .<Route>map(format -> onSuccess(lookup.get(), view -> complete(format.entity(view))))
              .orElseGet(
                  () ->
                      failWith(
                          Refusal.of(
                                  RefusalCode.UNSUPPORTED_FORMAT,
                                  "format",
                                  "format must be html or pdf")
                              .toException()));
        });
  }
}
