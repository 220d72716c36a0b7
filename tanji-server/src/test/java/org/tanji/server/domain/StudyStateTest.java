package org.tanji.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

final class StudyStateTest {

  @Test
  void everyStateHasItsRow_andTheWorkflowRunsOneWayWithSendBacks() {
    assertThat(StudyState.TRANSITIONS).containsOnlyKeys(EnumSet.allOf(StudyState.class));
    assertThat(StudyState.DRAFT.canMoveTo(StudyState.IN_REVIEW)).isTrue();
    assertThat(StudyState.DRAFT.canMoveTo(StudyState.ISSUED)).isFalse();
    assertThat(StudyState.IN_REVIEW.canMoveTo(StudyState.DRAFT)).isTrue();
    assertThat(StudyState.ISSUED.canMoveTo(StudyState.DRAFT)).isFalse();
    assertThat(StudyState.ISSUED.canMoveTo(StudyState.WITHDRAWN)).isTrue();
    assertThat(StudyState.TRANSITIONS.get(StudyState.WITHDRAWN)).isEmpty();
  }

  @Test
  void ids_roundTrip() {
    for (StudyState s : StudyState.values()) {
      assertThat(StudyState.of(s.id())).contains(s);
    }
    assertThat(StudyState.IN_REVIEW.id()).isEqualTo("in-review");
    assertThat(StudyState.of("published")).isEmpty();
  }
}
