package org.tanji.core.units;

import org.tanji.core.i18n.Text;

/**
 * A quantity or unit text that cannot be read. Readers turn it into a finding with the given code
 * ({@code UNKNOWN_UNIT} or {@code INVALID_QUANTITY}); it never reaches a user as a stack trace.
 */
public final class QuantityFormatException extends IllegalArgumentException {

  private final String code;
  private final transient Text text;

  public QuantityFormatException(String code, Text text) {
    super(code + ": " + text.render(java.util.Locale.ENGLISH));
    this.code = code;
    this.text = text;
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
