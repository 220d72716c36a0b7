package org.tanji.server.domain;

import org.tanji.io.StudyFormat;

/**
 * A study file as received or stored: its bytes, exactly as sent, its format and its file name.
 *
 * @param format {@code yaml}, {@code json} or {@code xlsx}
 */
public record StudyFile(byte[] bytes, String format, String fileName) {

  public StudyFile {
    if (StudyFormat.fromName(format).isEmpty()) {
      throw new IllegalArgumentException("a study file is yaml, json or xlsx, not " + format);
    }
  }

  public StudyFormat studyFormat() {
    return StudyFormat.fromName(format).orElseThrow();
  }
}
