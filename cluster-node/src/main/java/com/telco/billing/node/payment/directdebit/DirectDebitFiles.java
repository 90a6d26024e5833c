package com.telco.billing.node.payment.directdebit;

import com.telco.billing.core.payment.ReturnReasons;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.node.payment.directdebit.DirectDebitStore.RecordedReturn;
import com.telco.billing.node.payment.directdebit.DirectDebitStore.StoredFile;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct debit files: built from the pending instructions, stored, listed, served and returned
 * against (docs/operations.md, "Direct debit files").
 *
 * <p>Filing is idempotent and crash-safe. A file is first claimed (its sequence number, id,
 * creation time and end-to-end ids, in one lightweight transaction), then built from exactly those
 * instructions, stored, written to the folder and marked complete. A crash anywhere in between
 * leaves a claimed file that the next {@link #fileDue} completes with the same id and the same
 * bytes; an instruction is claimed by at most one file, because a claim takes only ids no earlier
 * file of its date holds and only one claim of each sequence number succeeds.
 */
public final class DirectDebitFiles {
  private static final Logger log = LoggerFactory.getLogger(DirectDebitFiles.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** Error codes of a refused return (beside {@link ReturnReasons#UNKNOWN}). */
  public static final String NOT_IN_FILE = "end_to_end_id_not_in_file";

  public static final String DUPLICATE_RETURN = "duplicate_end_to_end_id";

  private final DirectDebitStore store;
  private final DirectDebitSettings settings;
  private final Clock clock;
  private final Executor blocking;

  /**
   * @param blocking where the files are written to the folder
   */
  public DirectDebitFiles(
      DirectDebitStore store, DirectDebitSettings settings, Clock clock, Executor blocking) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.blocking = blocking;
  }

  public DirectDebitSettings settings() {
    return settings;
  }

  /** The id of a file: {@code DD-<legal entity>-<yyyyMMdd>-<sequence>}. */
  public static String fileId(String legalEntity, LocalDate collectionDate, int sequence) {
    return "DD-" + legalEntity + "-" + collectionDate.format(DAY) + "-" + sequence;
  }

  /** Adds an instruction to be filed: {@link DirectDebitStore#addPending}. */
  public CompletionStage<Done> addPending(DirectDebitInstruction instruction) {
    return store.addPending(instruction);
  }

  /**
   * Builds and stores the files due: for every configured legal entity, one file (or more, above
   * {@code max-transactions-per-file}) per collection date from {@code today - lookback} to {@code
   * today + lead-time} for the instructions not yet in a file, and completes any file a crash left
   * half built. Legal entities (in their order) and dates one after the other.
   *
   * @return the files built or completed by this call (none when everything was filed already)
   */
  public CompletionStage<List<FileSummary>> fileDue(LocalDate today) {
    LocalDate horizon = today.plusDays(settings.leadDays());
    LocalDate from = today.minusDays(settings.lookbackDays());
    List<FileSummary> built = new ArrayList<>();
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (Creditor creditor : settings.creditors().values()) {
      done =
          done.thenCompose(previous -> store.pendingDates(creditor.legalEntity(), from, horizon))
              .thenCompose(dates -> fileDates(creditor, dates, 0, built));
    }
    return done.thenApply(all -> List.copyOf(built));
  }

  private CompletionStage<Done> fileDates(
      Creditor creditor, List<LocalDate> dates, int index, List<FileSummary> built) {
    if (index >= dates.size()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return fileDate(creditor, dates.get(index), built)
        .thenCompose(done -> fileDates(creditor, dates, index + 1, built));
  }

  /** Files one date until nothing of it is left unfiled. */
  private CompletionStage<Done> fileDate(
      Creditor creditor, LocalDate date, List<FileSummary> built) {
    String legalEntity = creditor.legalEntity();
    return store
        .files(legalEntity, date)
        .thenCompose(
            files -> {
              Optional<StoredFile> unfinished =
                  files.stream().filter(f -> !f.summary().complete()).findFirst();
              if (unfinished.isPresent()) {
                return complete(creditor, unfinished.get())
                    .thenCompose(
                        summary -> {
                          built.add(summary);
                          return fileDate(creditor, date, built);
                        });
              }
              return store
                  .instructions(legalEntity, date)
                  .thenCompose(instructions -> claimNext(creditor, date, files, instructions))
                  .thenCompose(claimed -> claimed ? fileDate(creditor, date, built) : doneStage());
            });
  }

  /**
   * Claims the next file of a date for up to {@code max-transactions-per-file} unfiled
   * instructions; true when there was something to claim (claimed here or by another node).
   */
  private CompletionStage<Boolean> claimNext(
      Creditor creditor,
      LocalDate date,
      List<StoredFile> files,
      List<DirectDebitInstruction> instructions) {
    Set<String> filed = new HashSet<>();
    files.forEach(f -> filed.addAll(f.endToEndIds()));
    List<String> unfiled =
        instructions.stream()
            .map(DirectDebitInstruction::endToEndId)
            .filter(id -> !filed.contains(id))
            .sorted()
            .limit(settings.maxTransactionsPerFile())
            .toList();
    if (unfiled.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    int sequence = files.stream().mapToInt(f -> f.summary().sequence()).max().orElse(0) + 1;
    String fileId = fileId(creditor.legalEntity(), date, sequence);
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    // whether this claim or a concurrent one won, the date is read again and goes on from there
    return store
        .claimFile(creditor.legalEntity(), date, sequence, fileId, createdAt, Set.copyOf(unfiled))
        .thenApply(applied -> true);
  }

  /** Builds a claimed file from exactly its instructions, stores it and writes it out. */
  private CompletionStage<FileSummary> complete(Creditor creditor, StoredFile claimed) {
    FileSummary claim = claimed.summary();
    return store
        .instructions(claim.legalEntity(), claim.collectionDate())
        .thenCompose(
            all -> {
              List<DirectDebitInstruction> members =
                  all.stream()
                      .filter(i -> claimed.endToEndIds().contains(i.endToEndId()))
                      .sorted(Comparator.comparing(DirectDebitInstruction::endToEndId))
                      .toList();
              if (members.size() != claimed.endToEndIds().size()) {
                return CompletableFuture.failedFuture(
                    new IllegalStateException(
                        "file " + claim.fileId() + " claims instructions that are not stored"));
              }
              byte[] xml =
                  Pain008Writer.write(
                      claim.fileId(),
                      claim.createdAt().atOffset(ZoneOffset.UTC),
                      creditor,
                      claim.collectionDate(),
                      members);
              BigDecimal sum = Pain008Writer.sum(members);
              FileSummary file =
                  new FileSummary(
                      claim.fileId(),
                      claim.legalEntity(),
                      claim.collectionDate(),
                      claim.sequence(),
                      members.size(),
                      sum,
                      "EUR",
                      claim.createdAt(),
                      true);
              return writeToFolder(claim.fileId(), xml)
                  .thenCompose(written -> store.storeFile(file, members, xml))
                  .thenApply(
                      stored -> {
                        log.info(
                            "direct debit file {} built: {} transactions, control sum {}",
                            file.fileId(),
                            file.numberOfTransactions(),
                            file.controlSum().toPlainString());
                        return file;
                      });
            });
  }

  /** Writes {@code <folder>/<fileId>.xml} atomically: a temporary file, then a move over it. */
  private CompletionStage<Done> writeToFolder(String fileId, byte[] xml) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            Path folder = settings.folder();
            Files.createDirectories(folder);
            Path target = folder.resolve(fileId + ".xml");
            Path temporary = Files.createTempFile(folder, "." + fileId + "-", ".tmp");
            try {
              Files.write(temporary, xml);
              Files.move(
                  temporary,
                  target,
                  StandardCopyOption.ATOMIC_MOVE,
                  StandardCopyOption.REPLACE_EXISTING);
            } finally {
              Files.deleteIfExists(temporary);
            }
            return Done.getInstance();
          } catch (IOException e) {
            throw new UncheckedIOException("writing direct debit file " + fileId + " failed", e);
          }
        },
        blocking);
  }

  /** The XML of a complete file, or 404 {@code direct_debit_file_not_found}. */
  public CompletionStage<byte[]> content(String fileId) {
    return store
        .content(fileId)
        .thenApply(content -> content.orElseThrow(() -> notFound().toException()));
  }

  private static Refusal notFound() {
    return Refusal.of(
        RefusalCode.DIRECT_DEBIT_FILE_NOT_FOUND, "fileId", "no direct debit file has this id");
  }

  /** A page of files and where the next starts. */
  public record Page(List<FileSummary> files, FileSummary next) {}

  /**
   * Files of {@code legalEntity} (null: every configured one) with collection dates in {@code
   * [from, to]}, by legal entity, collection date and sequence, after {@code after}.
   */
  public CompletionStage<Page> list(
      String legalEntity, LocalDate from, LocalDate to, FileSummary after, int limit) {
    List<String> entities =
        legalEntity == null ? List.copyOf(settings.creditors().keySet()) : List.of(legalEntity);
    return store
        .list(entities.stream().sorted().toList(), from, to, after, limit)
        .thenApply(
            found ->
                found.size() > limit
                    ? new Page(List.copyOf(found.subList(0, limit)), found.get(limit - 1))
                    : new Page(found, null));
  }

  /** One return a bank reported: the returned transaction and the reason. */
  public record Return(String endToEndId, String reasonCode) {}

  /**
   * Applies the bank's returns of a file. Nothing is applied unless every return is valid: the file
   * exists (404 {@code direct_debit_file_not_found}); each return names a transaction of the file
   * once ({@link #NOT_IN_FILE}, {@link #DUPLICATE_RETURN}) and a known reason ({@link
   * ReturnReasons#UNKNOWN}); every problem is listed ({@code VALIDATION_FAILED}). Then each is
   * handed to {@code returns} in order and its outcome recorded; a return recorded before answers
   * its recorded outcome without being handed on again.
   */
  public CompletionStage<List<RecordedReturn>> applyReturns(
      String fileId, List<Return> requested, DirectDebitReturns returns) {
    return store
        .entries(fileId)
        .thenCompose(
            entries -> {
              if (entries.isEmpty()) {
                return CompletableFuture.failedFuture(notFound().toException());
              }
              List<FieldError> problems = check(requested, entries);
              if (!problems.isEmpty()) {
                return CompletableFuture.failedFuture(Refusal.invalid(problems).toException());
              }
              List<RecordedReturn> answered = new ArrayList<>();
              CompletionStage<Done> done = doneStage();
              for (Return r : requested) {
                FileEntry entry = entries.get(r.endToEndId());
                done =
                    done.thenCompose(previous -> applyOne(entry, r.reasonCode(), returns))
                        .thenApply(
                            recorded -> {
                              answered.add(recorded);
                              return Done.getInstance();
                            });
              }
              return done.thenApply(all -> List.copyOf(answered));
            });
  }

  /** Every problem of the requested returns, each naming its field; never echoing a value. */
  static List<FieldError> check(List<Return> requested, Map<String, FileEntry> entries) {
    List<FieldError> problems = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      problems.add(new FieldError("required", "returns", "returns must list at least one return"));
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      Return r = requested.get(i);
      String at = "returns[" + i + "].";
      if (r == null) {
        problems.add(new FieldError("required", "returns[" + i + "]", "a return is required"));
        continue;
      }
      if (r.endToEndId() == null || r.endToEndId().isBlank()) {
        problems.add(new FieldError("required", at + "endToEndId", at + "endToEndId is required"));
      } else if (!entries.containsKey(r.endToEndId())) {
        problems.add(
            new FieldError(
                NOT_IN_FILE,
                at + "endToEndId",
                at + "endToEndId names no transaction of this file"));
      } else if (!seen.add(r.endToEndId())) {
        problems.add(
            new FieldError(
                DUPLICATE_RETURN,
                at + "endToEndId",
                at + "endToEndId is returned twice in this request"));
      }
      if (r.reasonCode() == null || r.reasonCode().isBlank()) {
        problems.add(new FieldError("required", at + "reasonCode", at + "reasonCode is required"));
      } else if (!ReturnReasons.isKnown(r.reasonCode())) {
        problems.add(
            new FieldError(
                ReturnReasons.UNKNOWN,
                at + "reasonCode",
                at
                    + "reasonCode must be an ISO 20022 external return reason code such as AC04,"
                    + " AM04 or MD06"));
      }
    }
    return problems;
  }

  private CompletionStage<RecordedReturn> applyOne(
      FileEntry entry, String reasonCode, DirectDebitReturns returns) {
    return store
        .recordedReturn(entry.fileId(), entry.endToEndId())
        .thenCompose(
            recorded -> {
              if (recorded.isPresent()) {
                return CompletableFuture.completedFuture(recorded.get());
              }
              return returns
                  .returned(entry, reasonCode)
                  .thenCompose(
                      outcome ->
                          store.recordReturn(
                              entry.fileId(),
                              entry.endToEndId(),
                              reasonCode,
                              outcome,
                              clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            });
  }

  private static CompletionStage<Done> doneStage() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }
}
