package org.tanji.core.model;

import java.util.Locale;
import java.util.Objects;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;

/**
 * A mistake or remark about a study's data: a stable code, a severity, where it is, and what it
 * means. Findings are data, never exceptions.
 *
 * @param code stable identifier ({@code UNIT_MISMATCH})
 * @param severity error, warning or info
 * @param where the key path ({@code inventory[2].amount}), or "" for the file as a whole
 * @param position line and column in the source file, or null when not known
 * @param text what is wrong and what would be right, translatable
 */
public record Finding(String code, Severity severity, String where, Position position, Text text) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(text, "text");
  }

  public static Finding error(String code, String where, Text text) {
    return new Finding(code, Severity.ERROR, where, null, text);
  }

  public static Finding warning(String code, String where, Text text) {
    return new Finding(code, Severity.WARNING, where, null, text);
  }

  public static Finding info(String code, String where, Text text) {
    return new Finding(code, Severity.INFO, where, null, text);
  }

  /** The same finding placed at a position in the source file. */
  public Finding at(Position pos) {
    return new Finding(code, severity, where, pos, text);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The message in a language, with the file's line number (or a workbook's cell) when known. */
  public String message(Locale locale) {
    String msg = text.render(locale);
    if (position == null) {
      return msg;
    }
    if (position.sheet() != null) {
      return msg + Messages.render(Text.of("finding.atCell", position.cellName()), locale);
    }
    return msg + Messages.render(Text.of("finding.atLine", position.line(), position.column()), locale);
  }
}
