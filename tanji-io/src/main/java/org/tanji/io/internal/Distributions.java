package org.tanji.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;

/** A distribution's parameters ({@link Uncertainty#parameters()}) as JSON fields. */
public final class Distributions {

  /** How a writer puts a decimal number: its own notation, which its format fixes. */
  @FunctionalInterface
  public interface Numbers {
    void write(JsonGenerator g, String key, double value) throws IOException;
  }

  private Distributions() {}

  /**
   * Writes the parameters into the open object: quantities as their text, numbers through
   * {@code numbers}, the pedigree scores as the object {@code pedigree}.
   */
  public static void write(JsonGenerator g, Uncertainty u, Numbers numbers) throws IOException {
    boolean inPedigree = false;
    for (Map.Entry<String, Object> e : u.parameters().entrySet()) {
      String key = e.getKey();
      boolean pedigree = key.startsWith("pedigree.");
      if (pedigree && !inPedigree) {
        g.writeObjectFieldStart("pedigree");
      } else if (!pedigree && inPedigree) {
        g.writeEndObject();
      }
      inPedigree = pedigree;
      String name = pedigree ? key.substring("pedigree.".length()) : key;
      Object v = e.getValue();
      if (v instanceof Quantity q) {
        g.writeStringField(name, q.text());
      } else if (v instanceof Integer i) {
        g.writeNumberField(name, i);
      } else {
        numbers.write(g, name, (Double) v);
      }
    }
    if (inPedigree) {
      g.writeEndObject();
    }
  }
}
