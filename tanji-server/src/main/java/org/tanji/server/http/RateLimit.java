package org.tanji.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/** At most so many events per key over a sliding window (sign-in attempts per address, failures per user). */
final class RateLimit {

  private final Clock clock;
  private final int limit;
  private final long windowMillis;
  private final Cache<String, Deque<Long>> events;

  RateLimit(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.events = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
  }

  /** Empty when another event may happen now, else the seconds until one may. */
  OptionalLong retryAfter(String key) {
    Deque<Long> times = events.getIfPresent(key);
    if (times == null) {
      return OptionalLong.empty();
    }
    long now = clock.millis();
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
        times.pollFirst();
      }
      if (times.size() < limit) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Math.max(1, (times.peekFirst() + windowMillis - now + 999) / 1000));
    }
  }

  void record(String key) {
    Deque<Long> times = events.get(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.millis());
    }
  }
}
