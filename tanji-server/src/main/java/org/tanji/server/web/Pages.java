package org.tanji.server.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;

/**
 * The web pages' templates (Pebble, HTML-escaped by default) and their words: {@code t('key', args…)}
 * looks a key up in the pages' bundle, {@code core('key')} in the engine's (stage names and the like).
 */
final class Pages {

  static final String BUNDLE = "org.tanji.server.web.ui";

  private final PebbleEngine engine;

  Pages() {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("org/tanji/server/web/templates");
    loader.setSuffix(".peb");
    engine = new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .defaultEscapingStrategy("html")
        .strictVariables(true)
        .newLineTrimming(true)
        .extension(new Words())
        .build();
  }

  /** A whole page or a fragment, in a language. */
  String render(String template, Map<String, Object> model, Locale locale) {
    PebbleTemplate t = engine.getTemplate(template);
    StringWriter out = new StringWriter(8192);
    try {
      t.evaluate(out, model, locale);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A word of the pages in a language, outside a template (a redirect's message, a file name). */
  static String word(String key, Locale locale, Object... args) {
    return Messages.render(BUNDLE, Text.of(key, args), locale);
  }

  /** The template functions {@code t} and {@code core}. */
  private static final class Words extends AbstractExtension {
    @Override
    public Map<String, Function> getFunctions() {
      return Map.of("t", new Lookup(BUNDLE), "core", new Lookup(null));
    }
  }

  /** A key and its arguments, rendered in the page's locale. */
  private static final class Lookup implements Function {
    private final String bundle;

    Lookup(String bundle) {
      this.bundle = bundle;
    }

    @Override
    public List<String> getArgumentNames() {
      return null; // positional: the key, then any arguments
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      String key = String.valueOf(args.get("0"));
      List<Object> rest = new ArrayList<>();
      for (int i = 1; args.containsKey(Integer.toString(i)); i++) {
        rest.add(args.get(Integer.toString(i)));
      }
      Text text = Text.of(key, rest.toArray());
      return bundle == null ? Messages.render(text, context.getLocale()) : Messages.render(bundle, text, context.getLocale());
    }
  }
}
