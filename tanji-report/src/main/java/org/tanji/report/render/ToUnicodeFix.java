package org.tanji.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes the text of a PDF extract as the characters that were typed.
 *
 * <p>CJK fonts draw 山 (U+5C71) and the Kangxi radical ⼭ (U+2F2D) with one glyph. When PDFBox
 * writes a subset font's {@code ToUnicode} map, it names each glyph by the first code point that
 * uses it, so copied or extracted text came out as radicals ("⼭东华⺠"), which look the same but
 * are other characters: search and copy-paste fail. This rewrites those entries to the unified
 * ideograph that shares the glyph, as the font itself says, and Latin ligatures (ﬁ) to their letters.
 */
final class ToUnicodeFix {

  private static final Pattern RANGE = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");
  private static final Pattern CHAR = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>");

  private static final String[] LIGATURES = {"ff", "fi", "fl", "ffi", "ffl", "ſt", "st"};

  private final Map<Integer, Integer> radicalToIdeograph;

  private ToUnicodeFix(Map<Integer, Integer> radicalToIdeograph) {
    this.radicalToIdeograph = radicalToIdeograph;
  }

  /** The radicals of a font that share a glyph with a unified ideograph, and that ideograph. */
  static ToUnicodeFix of(InputStream font) throws IOException {
    Map<Integer, Integer> map = new HashMap<>();
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      for (int cp = 0x2E80; cp <= 0x2FDF; cp++) {
        int radical = cp;
        int gid = cmap.getGlyphId(radical);
        List<Integer> codes = gid == 0 ? null : cmap.getCharCodes(gid);
        if (codes != null) {
          codes.stream().filter(ToUnicodeFix::unified).findFirst().ifPresent(c -> map.put(radical, c));
        }
      }
    }
    return new ToUnicodeFix(map);
  }

  private static boolean unified(int cp) {
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
  }

  /** Rewrites the ToUnicode maps of every font on the document's pages. */
  void apply(PDDocument pdf) throws IOException {
    Map<COSStream, Boolean> done = new IdentityHashMap<>();
    for (PDPage page : pdf.getPages()) {
      PDResources res = page.getResources();
      for (COSName name : res.getFontNames()) {
        PDFont font = res.getFont(name);
        COSStream s = font == null ? null : font.getCOSObject().getCOSStream(COSName.TO_UNICODE);
        if (s != null && done.put(s, Boolean.TRUE) == null) {
          rewrite(s);
        }
      }
    }
  }

  private void rewrite(COSStream stream) throws IOException {
    String cmap;
    try (InputStream in = stream.createInputStream()) {
      cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Map<Integer, String> map = parse(cmap);
    boolean changed = false;
    for (Map.Entry<Integer, String> e : map.entrySet()) {
      String text = e.getValue();
      if (text.codePointCount(0, text.length()) != 1) {
        continue;
      }
      int cp = text.codePointAt(0);
      if (radicalToIdeograph.containsKey(cp)) {
        e.setValue(Character.toString(radicalToIdeograph.get(cp)));
        changed = true;
      } else if (cp >= 0xFB00 && cp <= 0xFB06) {
        // the layout set "fi" as one ligature glyph: it extracts as the letters, so "quantifies" is found
        e.setValue(LIGATURES[cp - 0xFB00]);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(write(map).getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** Character code → text, from the bfrange and bfchar sections. */
  static Map<Integer, String> parse(String cmap) {
    Map<Integer, String> map = new TreeMap<>();
    for (String section : cmap.split("endbfrange")) {
      int start = section.indexOf("beginbfrange");
      if (start < 0) {
        continue;
      }
      Matcher m = RANGE.matcher(section.substring(start));
      while (m.find()) {
        int lo = Integer.parseInt(m.group(1), 16);
        int hi = Integer.parseInt(m.group(2), 16);
        char[] dst = utf16(m.group(3));
        for (int code = lo; code <= hi; code++) {
          char[] c = dst.clone();
          c[c.length - 1] += (char) (code - lo);
          map.put(code, new String(c));
        }
      }
    }
    for (String section : cmap.split("endbfchar")) {
      int start = section.indexOf("beginbfchar");
      if (start < 0) {
        continue;
      }
      Matcher m = CHAR.matcher(section.substring(start));
      while (m.find()) {
        map.put(Integer.parseInt(m.group(1), 16), new String(utf16(m.group(2))));
      }
    }
    return map;
  }

  private static char[] utf16(String hex) {
    char[] c = new char[hex.length() / 4];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
    }
    return c;
  }

  static String write(Map<Integer, String> map) {
    StringBuilder sb = new StringBuilder();
    sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    var entries = List.copyOf(map.entrySet());
    for (int i = 0; i < entries.size(); i += 100) {
      var block = entries.subList(i, Math.min(entries.size(), i + 100));
      sb.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        sb.append(String.format("<%04X> <", e.getKey()));
        for (char ch : e.getValue().toCharArray()) {
          sb.append(String.format("%04X", (int) ch));
        }
        sb.append(">\n");
      }
      sb.append("endbfchar\n");
    }
    sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return sb.toString();
  }
}
