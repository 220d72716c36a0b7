package org.tanji.core.units;

import org.tanji.core.i18n.Text;

/**
 * A quantity or unit text that cannot be read. Readers turn it into a finding with the given code
 * ({@code UNKNOWN_UNIT} or {@code INVALID_QUANTITY}); it never reaches a user as a stack trace.
 */
public final class QuantityFormatException extends IllegalArgumentException {

  private final String code;
  private final transient Text text;
  private final String suggestion;

  public QuantityFormatException(String code, Text text) {
    this(code, text, null);
  }

  /**
   * A refusal that suggests what to write instead; the suggestion is the whole text that was read
   * (a quantity, or a unit expression), and it reads without error.
   */
  public QuantityFormatException(String code, Text text, String suggestion) {
    super(code + ": " + text.render(java.util.Locale.ENGLISH));
    this.code = code;
    this.text = text;
    this.suggestion = suggestion;
  }

  /** The text to write instead, when the message suggests one. */
  public java.util.Optional<String> suggestion() {
    return java.util.Optional.ofNullable(suggestion);
  }

  /** The finding code: {@code UNKNOWN_UNIT} or {@code INVALID_QUANTITY}. */
  public String code() {
    return code;
  }

  /** What is wrong, and what would be right, as translatable text. */
  public Text text() {
    return text;
  }
}
