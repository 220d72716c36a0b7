package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.yaml.snakeyaml.error.YAMLException;

/** Which failures of the parser are the file's fault (findings) and which are bugs (exceptions). */
final class StudyFilesTest {

  /** A parser over a small valid document that fails with {@code failure} on its first token. */
  private static JsonParser failing(Supplier<RuntimeException> failure) throws IOException {
    return new JsonParserDelegate(new YAMLFactory().createParser("tanji: 1\n")) {
      @Override
      public JsonToken nextToken() {
        throw failure.get();
      }
    };
  }

  @Test
  void tree_bugInTheReader_propagates() throws IOException {
    List<Finding> findings = new ArrayList<>();
    // once a catch-all made this "syntax error: null", telling the user the file was wrong
    assertThatThrownBy(() -> StudyFiles.tree(failing(NullPointerException::new), findings))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> StudyFiles.tree(failing(() -> new IllegalStateException("bug")), findings))
        .isInstanceOf(IllegalStateException.class).hasMessage("bug");
    assertThat(findings).isEmpty();
  }

  @Test
  void tree_yamlLibrarysOwnException_isAFinding() throws IOException {
    List<Finding> findings = new ArrayList<>();
    assertThat(StudyFiles.tree(failing(() -> new YAMLException("special characters are not allowed")), findings))
        .isNull();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PARSE_ERROR");
      assertThat(f.message(Messages.EN)).contains("special characters are not allowed");
    });
  }
}
