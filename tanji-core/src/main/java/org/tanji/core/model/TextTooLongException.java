package org.tanji.core.model;

import org.tanji.core.i18n.Text;

/**
 * A writer was given a text longer than its format can hold (an Excel cell holds at most 32,767
 * characters). Studies read from files never get here: their limits ({@link TextLimits}) are
 * findings. The server answers it with 422.
 */
public final class TextTooLongException extends RuntimeException {

  private final String where;
  private final int length;
  private final int limit;

  /**
   * @param where the key path of the text ({@code product.name})
   * @param length its length in characters
   * @param limit the most the format holds
   */
  public TextTooLongException(String where, int length, int limit) {
    super(where + " is " + length + " characters long; the format holds at most " + limit);
    if (length <= limit) {
      throw new IllegalArgumentException("a text of " + length + " characters is within " + limit);
    }
    this.where = where;
    this.length = length;
    this.limit = limit;
  }

  /** The key path of the text. */
  public String where() {
    return where;
  }

  public int length() {
    return length;
  }

  public int limit() {
    return limit;
  }

  /** The message for people, in either language. */
  public Text text() {
    return Text.of("write.tooLong", where, length, limit);
  }
}
