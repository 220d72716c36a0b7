package org.tanji.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum constant written in study files by an identifier ({@code raw-materials}, {@code mass}). */
public interface Identified {

  /** The identifier used in study files and in the result JSON. */
  String id();

  /** The constant of an enum with this identifier, if there is one. */
  static <E extends Enum<E> & Identified> Optional<E> byId(Class<E> type, String id) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(id)).findFirst();
  }

  /** All identifiers of an enum, in declaration order, for messages. */
  static <E extends Enum<E> & Identified> List<String> ids(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Identified::id).toList();
  }
}
