package org.tanji.server.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RequestsTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "12, 12", "999999999999999999, 999999999999999999"})
  void recordNumber_asTheServerWritesIt(String text, long number) {
    assertThat(Requests.recordNumber(text)).contains(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "0", "-1", "+12", "012", " 12", "12 ", "1e3", "1.0", "１２", "0x1F", "12a",
      "9223372036854775807", "9223372036854775808", "99999999999999999999"})
  void recordNumber_anythingElse(String text) {
    // Long.MAX_VALUE has 19 digits: beyond any record's number, and one more would not fit a long
    assertThat(Requests.recordNumber(text)).isEmpty();
  }

  @Test
  void recordNumber_none() {
    assertThat(Requests.recordNumber(null)).isEmpty();
  }
}
