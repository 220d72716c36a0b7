package org.tanji.core.model;

/** A place in a source file: line and column, both from 1. */
public record Position(int line, int column) {

  /** Line and column in one long, for readers that keep millions of them. */
  public long pack() {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  public static Position unpack(long packed) {
    return new Position((int) (packed >>> 32), (int) packed);
  }
}
