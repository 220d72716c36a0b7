package org.tanji.server.app;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made at its first {@link #get()} and kept: for what costs a start time though most starts
 * never use it before their first answer (the JDK's TLS or JCE set-up). Made once, whichever thread
 * asks first; a making that throws is tried again at the next call.
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<? extends T> make;
  private volatile T value;

  private Lazy(Supplier<? extends T> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  public static <T> Lazy<T> of(Supplier<? extends T> make) {
    return new Lazy<>(make);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(make.get(), "a lazy value is never null");
          value = v;
        }
      }
    }
    return v;
  }
}
