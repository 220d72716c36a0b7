package org.tanji.server.app;

import java.util.List;
import java.util.Optional;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * Why the application refused a command: the one root of what services throw at their callers.
 * Each subclass names a kind of failure that every adapter maps to its own answer (an HTTP status
 * and JSON for the API, a page for the web, {@code {code, message}} for a partner interface).
 * Carries a stable code for scripts, a message (a key of {@link #BUNDLE} with arguments) and, where
 * a study's content is concerned, its findings.
 */
public abstract sealed class AppException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The bundle of the messages. */
  public static final String BUNDLE = "org.tanji.server.messages";

  private final String code;
  private final transient Text text;
  private final transient List<Finding> findings;

  AppException(String code, Text text, List<Finding> findings) {
    super(code, null, false, false); // an answer, not a failure: no stack trace to collect
    this.code = code;
    this.text = text;
    this.findings = findings == null ? null : List.copyOf(findings);
  }

  /** The stable code ({@code NOT_FOUND}, {@code VERSION_CONFLICT} …). */
  public String code() {
    return code;
  }

  /** The message, in {@link #BUNDLE}. */
  public Text text() {
    return text;
  }

  /** The findings of the study concerned; empty when the refusal is not about a study's content. */
  public Optional<List<Finding>> findings() {
    return Optional.ofNullable(findings);
  }

  /** It does not exist, or not for the caller (another organization's is not found either). */
  public static final class NotFound extends AppException {
    private static final long serialVersionUID = 1L;

    public NotFound(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }
  }

  /** The caller is known but may not do this. */
  public static final class Forbidden extends AppException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }
  }

  /** Who the caller is could not be established: no credentials, unknown or expired ones, a failed sign-in. */
  public static final class Unauthenticated extends AppException {
    private static final long serialVersionUID = 1L;

    public Unauthenticated(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }
  }

  /** The command's own input is wrong (a name, a password, a parameter). */
  public static final class Invalid extends AppException {
    private static final long serialVersionUID = 1L;

    public Invalid(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }
  }

  /** The study the command is about has errors that stop it (its findings say which). */
  public static final class InvalidStudy extends AppException {
    private static final long serialVersionUID = 1L;

    public InvalidStudy(String code, List<Finding> findings, String key, Object... args) {
      super(code, Text.of(key, args), findings);
    }
  }

  /** The command contradicts the current state: a name taken, a study changed meanwhile. */
  public static sealed class Conflict extends AppException permits VersionConflict {
    private static final long serialVersionUID = 1L;

    public Conflict(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }

    Conflict(String code, Text text, List<Finding> findings) {
      super(code, text, findings);
    }

    /** The same conflict, with the findings of the study concerned. */
    public static Conflict withFindings(String code, List<Finding> findings, String key, Object... args) {
      return new Conflict(code, Text.of(key, args), findings);
    }
  }

  /** Someone stored another version after the one the caller started from. */
  public static final class VersionConflict extends Conflict {
    private static final long serialVersionUID = 1L;
    private final transient org.tanji.server.domain.Version current;
    private final int expected;
    private final transient List<Finding> unstored;

    /**
     * @param unstored the findings of the file that was not stored, for a front end that shows it
     *     again with them (not the refusal's own findings: the refusal is about versions)
     */
    public VersionConflict(org.tanji.server.domain.Version current, int expected, List<Finding> unstored) {
      super("VERSION_CONFLICT", Text.of("version.conflict", Integer.toString(current.version()), current.createdBy(),
          java.time.format.DateTimeFormatter.ISO_INSTANT.format(current.createdAt()), Integer.toString(expected)),
          null);
      this.current = current;
      this.expected = expected;
      this.unstored = List.copyOf(unstored);
    }

    /** The findings of the file that was not stored. */
    public List<Finding> unstoredFindings() {
      return unstored;
    }

    /** The version that is current now. */
    public org.tanji.server.domain.Version current() {
      return current;
    }

    /** The version the caller started from. */
    public int expected() {
      return expected;
    }
  }

  /** Too many attempts: the caller may try again after some seconds. */
  public static final class TooManyAttempts extends AppException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
      super("TOO_MANY_ATTEMPTS", Text.of("login.limited", retryAfterSeconds), null);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /**
   * A partner's server (a supplier's PACT host) could not be reached, or refused: the message says
   * which address answered what.
   */
  public static final class PartnerFailed extends AppException {
    private static final long serialVersionUID = 1L;

    public PartnerFailed(String code, String key, Object... args) {
      super(code, Text.of(key, args), null);
    }
  }

  /** The database (or another resource the command needs) cannot be reached now. */
  public static final class Unavailable extends AppException {
    private static final long serialVersionUID = 1L;

    public Unavailable() {
      super("UNAVAILABLE", Text.of("unavailable"), null);
    }
  }

  /**
   * What a failure means to a caller: itself when it is a refusal, {@link Unavailable} when the
   * database could not be reached in time, empty for anything else (a bug, to be logged).
   */
  public static Optional<AppException> of(Throwable e) {
    if (e instanceof AppException a) {
      return Optional.of(a);
    }
    if (e instanceof org.tanji.server.store.StoreException s && s.isUnavailable()) {
      return Optional.of(new Unavailable());
    }
    return Optional.empty();
  }
}
