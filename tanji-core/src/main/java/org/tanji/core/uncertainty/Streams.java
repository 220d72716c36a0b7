package org.tanji.core.uncertainty;

/**
 * Random numbers as a pure function of (seed, input, run): the r-th output of a SplitMix64
 * generator whose state starts from the seed mixed with a hash of the input's identity. No
 * generator is shared or advanced, so neither the order of runs, their chunking nor the number
 * of threads can change a draw, and the same input in two studies draws the same numbers.
 */
final class Streams {

  private static final long GAMMA = 0x9e3779b97f4a7c15L;

  private Streams() {}

  /** The starting state of an input's stream. */
  static long key(long seed, String identity) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the identity's UTF-16 units
    for (int i = 0; i < identity.length(); i++) {
      h ^= identity.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(seed ^ mix(h));
  }

  /** A uniform number in (0, 1), never 0 or 1, for an input's stream and a run. */
  static double uniform(long key, int run) {
    return ((bits(key, run) >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** The 64 random bits behind {@link #uniform}: the uniform increases with them. */
  static long bits(long key, int run) {
    return mix(key + (run + 1L) * GAMMA);
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
