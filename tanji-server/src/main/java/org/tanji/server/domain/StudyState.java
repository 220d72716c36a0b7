package org.tanji.server.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a study stands in its life. The transitions are listed once, in {@link #TRANSITIONS}; the
 * application layer refuses any other move. Today every study is a draft; the review workflow moves
 * studies along the table.
 */
public enum StudyState {
  DRAFT,
  IN_REVIEW,
  REVIEWED,
  APPROVED,
  ISSUED,
  WITHDRAWN;

  /**
   * Every allowed move. A reviewer or approver may send a study back to draft; an issued study can
   * only be withdrawn; a withdrawn one stays as it is.
   */
  public static final Map<StudyState, Set<StudyState>> TRANSITIONS = Map.of(
      DRAFT, EnumSet.of(IN_REVIEW),
      IN_REVIEW, EnumSet.of(REVIEWED, DRAFT),
      REVIEWED, EnumSet.of(APPROVED, DRAFT),
      APPROVED, EnumSet.of(ISSUED, DRAFT),
      ISSUED, EnumSet.of(WITHDRAWN),
      WITHDRAWN, EnumSet.noneOf(StudyState.class));

  /** Whether a study in this state may move to another. */
  public boolean canMoveTo(StudyState next) {
    return TRANSITIONS.get(this).contains(next);
  }

  /** The id stored and shown ({@code draft}, {@code in-review} …). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<StudyState> of(String id) {
    for (StudyState s : values()) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
