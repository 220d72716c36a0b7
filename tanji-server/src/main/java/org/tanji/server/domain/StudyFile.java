package org.tanji.server.domain;

import java.util.Locale;
import org.tanji.io.StudyFormat;

/**
 * A study file as received or stored: its bytes, exactly as sent, its format and its file name.
 *
 * @param format {@code yaml}, {@code json} or {@code xlsx}
 */
public record StudyFile(byte[] bytes, String format, String fileName) {

  public StudyFile {
    StudyFormat.valueOf(format.toUpperCase(Locale.ROOT)); // one of the three, or a bug
  }

  public StudyFormat studyFormat() {
    return StudyFormat.valueOf(format.toUpperCase(Locale.ROOT));
  }
}
