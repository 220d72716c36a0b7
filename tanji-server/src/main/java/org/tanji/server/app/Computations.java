package org.tanji.server.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Severity;
import org.tanji.core.model.Study;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.library.FactorLibrary;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.Summary;

/**
 * Reads and computes stored versions, and keeps what they computed to. A version never changes,
 * so its result and reports are cached by study, version and variant (language, format) without
 * any invalidation; the cache is bounded by bytes.
 */
public final class Computations {

  /** A cached answer: which version, which variant ("result:zh", "report:pdf:en"). */
  public record Key(UUID study, int version, String variant) {}

  private final FactorLibrary library;
  private final Cache<Key, byte[]> cache;
  /** Versions read and computed, for pages that show a result: a few, as each holds a whole study. */
  private final Cache<Key, Computed> computed = Caffeine.newBuilder().maximumSize(32).build();

  public Computations(FactorLibrary library, long cacheBytes) {
    this.library = library;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(cacheBytes)
        .weigher((Key k, byte[] v) -> v.length + 64)
        .build();
  }

  /** A version read and computed. */
  public record Computed(ReadResult read, Result result) {
    /** The study read, or null when the file could not be read at all. */
    public Study study() {
      return read.study();
    }

    /** The study's own language: the default for its findings and report, as in {@code tanji calc}. */
    public Locale studyLocale() {
      return Messages.locale(read.study() == null ? null : read.study().info().language());
    }
  }

  /** A file read and computed with the built-in factors (not kept). */
  public Computed compute(StudyFile file) {
    return compute(file, library);
  }

  /** A file read and computed with a library (an organization's: built-in and its own factors), not kept. */
  public Computed compute(StudyFile file, FactorLibrary factors) {
    ReadResult read = StudyFiles.read(file.bytes(), file.studyFormat(), file.fileName(), factors);
    return new Computed(read, read.calculate());
  }

  /** The cached bytes for a key, made once (concurrent requests for the same key wait for one computation). */
  public byte[] get(Key key, Function<Key, byte[]> make) {
    return cache.get(key, make);
  }

  /**
   * A stored version read and computed with a library, kept for the next page that shows it.
   *
   * @param tag the library's cache tag: a version computed with another library is another entry
   */
  public Computed computed(UUID study, int version, String tag, FactorLibrary factors, Supplier<StudyFile> load) {
    return computed.get(new Key(study, version, tag), k -> compute(load.get(), factors));
  }

  public void put(Key key, byte[] value) {
    cache.put(key, value);
  }

  public FactorLibrary library() {
    return library;
  }

  private volatile String libraryDigest;

  /** SHA-256 over every factor of the built-in library (id, value, source, year), made on first need. */
  public String libraryDigest() {
    if (libraryDigest == null) {
      libraryDigest = digest(library);
    }
    return libraryDigest;
  }

  /** SHA-256 over every factor of a library: id, value, source and year, in library order. */
  public static String digest(FactorLibrary factors) {
    StringBuilder b = new StringBuilder();
    for (org.tanji.core.model.Factor f : factors.search(null, null, null)) {
      b.append(f.id()).append('\t').append(f.value() == null ? "" : f.value().text()).append('\t')
          .append(f.source()).append('\t').append(f.year()).append('\n');
    }
    return Hashes.sha256(b.toString());
  }

  /** What a version computed to, for the study list. */
  public static Summary summary(Computed c, String fileName) {
    Study s = c.study();
    String name = null;
    String unit = null;
    if (s != null) {
      name = blankToNull(s.product().name());
      if (name == null) {
        name = blankToNull(s.info().title());
      }
      unit = s.product().declaredUnit() == null ? null : s.product().declaredUnit().text();
    }
    if (name == null) {
      name = fileName;
    }
    Result r = c.result();
    int errors = 0;
    int warnings = 0;
    for (Finding f : r.findings()) {
      if (f.severity() == Severity.ERROR) {
        errors++;
      } else if (f.severity() == Severity.WARNING) {
        warnings++;
      }
    }
    return new Summary(name, unit, r.perUnitKgCO2e(),
        r.dataQuality() == null ? null : r.dataQuality().score(),
        r.dataQuality() == null ? null : r.dataQuality().grade(), errors, warnings);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
