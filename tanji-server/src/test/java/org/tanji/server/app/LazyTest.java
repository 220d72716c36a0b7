package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class LazyTest {

  @Test
  void get_madeAtTheFirstCallOnly() {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy = Lazy.of(() -> {
      made.incrementAndGet();
      return new Object();
    });
    assertThat(made).hasValue(0);
    Object first = lazy.get();
    assertThat(lazy.get()).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void get_eightThreadsAtOnce_oneValueMadeOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Lazy<Object> lazy = Lazy.of(() -> {
      made.incrementAndGet();
      return new Object();
    });
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> got = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
        start.await();
        return lazy.get();
      })).toList();
      start.countDown();
      Object one = got.get(0).get();
      for (Future<Object> f : got) {
        assertThat(f.get()).isSameAs(one);
      }
      assertThat(made).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void get_makingThrows_triedAgainNextTime() {
    AtomicInteger calls = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return "made";
    });
    assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class).hasMessage("not yet");
    assertThat(lazy.get()).isEqualTo("made");
    assertThat(calls).hasValue(2);
  }
}
