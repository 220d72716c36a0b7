package org.tanji.core.uncertainty;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * How a Monte Carlo simulation runs: how many runs, from which seed, on how many threads. The
 * numbers depend on runs and seed only, never on the threads.
 *
 * @param runs from {@link #MIN_RUNS} to {@link #MAX_RUNS}
 * @param seed any 64-bit integer
 * @param threads from 1 to {@link #MAX_THREADS}
 */
public record Settings(int runs, long seed, int threads) {

  /** Fewer runs give no meaningful 2.5 % percentile. */
  public static final int MIN_RUNS = 10;
  /** Memory grows with runs: one number per run for the total and one per stage (about 72 MB at the maximum). */
  public static final int MAX_RUNS = 1_000_000;
  public static final int DEFAULT_RUNS = 10_000;
  /**
   * Each thread holds its own share of the runs; beyond a few per processor they only wait, and a
   * mistyped 100000 would ask the system for that many threads.
   */
  public static final int MAX_THREADS = 256;
  /** Reproducible by default: without a seed, this one. */
  public static final long DEFAULT_SEED = 1;

  public Settings {
    if (runs < MIN_RUNS || runs > MAX_RUNS) {
      throw new IllegalArgumentException("runs must be " + MIN_RUNS + " to " + MAX_RUNS + ": " + runs);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ": " + threads);
    }
  }

  /** Settings with the default runs and seed, on all processors. */
  public static Settings defaults() {
    return new Settings(DEFAULT_RUNS, DEFAULT_SEED, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Settings from text as typed on a command line or in a query: runs and seed may each be null
   * (the default). Empty with findings ({@code INVALID_RUNS}, {@code INVALID_SEED}) when either
   * is wrong.
   */
  public static Optional<Settings> parse(String runs, String seed, List<Finding> findings) {
    int before = findings.size();
    int r = DEFAULT_RUNS;
    if (runs != null) {
      BigInteger n = integer(runs.strip());
      if (n == null || n.compareTo(BigInteger.valueOf(MIN_RUNS)) < 0 || n.compareTo(BigInteger.valueOf(MAX_RUNS)) > 0) {
        findings.add(Finding.error("INVALID_RUNS", "runs", Text.of("uncertainty.runs", runs,
            Numbers.grouped(Integer.toString(MIN_RUNS)), Numbers.grouped(Integer.toString(MAX_RUNS)))));
      } else {
        r = n.intValueExact();
      }
    }
    long s = DEFAULT_SEED;
    if (seed != null) {
      BigInteger n = integer(seed.strip());
      if (n == null || n.bitLength() > 63) {
        findings.add(Finding.error("INVALID_SEED", "seed", Text.of("uncertainty.seed", seed)));
      } else {
        s = n.longValueExact();
      }
    }
    if (findings.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Settings(r, s, Runtime.getRuntime().availableProcessors()));
  }

  /** The same settings on another number of threads. */
  public Settings withThreads(int n) {
    return new Settings(runs, seed, n);
  }

  private static BigInteger integer(String text) {
    if (!text.matches("[+-]?[0-9]{1,30}")) {
      return null;
    }
    return new BigInteger(text);
  }
}
