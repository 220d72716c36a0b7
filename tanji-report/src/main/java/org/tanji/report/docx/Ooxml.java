package org.tanji.report.docx;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.tanji.report.model.XmlText;

/** Small pieces of WordprocessingML that POI's usermodel does not offer directly. */
final class Ooxml {

  /** Twips (1/20 pt) per centimetre. */
  static final double TWIPS_PER_CM = 566.93;

  /** EMU per centimetre, for drawings. */
  static final int EMU_PER_CM = 360_000;

  private Ooxml() {}

  /**
   * Adds a run with {@code text} to {@code p}: line feeds become line breaks, tabs become tabs, and
   * characters XML cannot hold are left out. POI escapes the rest, so markup stays literal.
   */
  static XWPFRun run(XWPFParagraph p, String text) {
    XWPFRun r = p.createRun();
    String[] lines = clean(text).split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        r.addBreak();
      }
      String[] parts = lines[i].split("\t", -1);
      for (int j = 0; j < parts.length; j++) {
        if (j > 0) {
          r.addTab();
        }
        if (!parts[j].isEmpty()) {
          CTText t = r.getCTR().addNewT();
          t.setStringValue(parts[j]);
          t.setSpace(SpaceAttribute.Space.PRESERVE);
        }
      }
    }
    return r;
  }

  /** A run of {@code text} in bold and/or a colour and size (half-points; 0 keeps the style's). */
  static XWPFRun run(XWPFParagraph p, String text, boolean bold, String color, int halfPoints) {
    XWPFRun r = run(p, text);
    if (bold) {
      r.setBold(true);
    }
    if (color != null) {
      r.setColor(color);
    }
    if (halfPoints > 0) {
      r.setFontSize(halfPoints / 2.0);
    }
    return r;
  }

  /** {@code s} without the characters that XML 1.0 cannot carry (control characters, lone surrogates). */
  static String clean(String s) {
    return XmlText.clean(s);
  }

  /**
   * Appends a complex field ({@code PAGE}, {@code TOC …}) to {@code p}: begin, instruction and
   * separator; the caller then adds the cached result and calls {@link #fieldEnd}.
   */
  static void fieldStart(XWPFParagraph p, String instruction) {
    p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    CTText instr = p.getCTP().addNewR().addNewInstrText();
    instr.setStringValue(" " + instruction + " ");
    instr.setSpace(SpaceAttribute.Space.PRESERVE);
    p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
  }

  /** Closes the field opened by {@link #fieldStart}. */
  static void fieldEnd(XWPFParagraph p) {
    p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
  }

  /** A whole field whose cached result is {@code cached}, in the paragraph's style. */
  static void field(XWPFParagraph p, String instruction, String cached) {
    fieldStart(p, instruction);
    CTR r = p.getCTP().addNewR();
    r.addNewT().setStringValue(cached);
    fieldEnd(p);
  }

  /** Marks {@code p} (from here to the end of what is added next) with a bookmark. */
  static void bookmarkStart(XWPFParagraph p, int id, String name) {
    var b = p.getCTP().addNewBookmarkStart();
    b.setId(BigInteger.valueOf(id));
    b.setName(name);
  }

  /** Ends the bookmark {@code id}. */
  static void bookmarkEnd(XWPFParagraph p, int id) {
    p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(id));
  }

  /**
   * A Word bookmark name for {@code anchor}: letters, digits and underscores, starting with a letter,
   * at most 40 characters (Word drops other bookmarks).
   */
  static String bookmarkName(String anchor) {
    String s = clean(anchor).replaceAll("[^A-Za-z0-9_]", "_");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "h" + s;
    }
    return s.length() > 40 ? s.substring(0, 40) : s;
  }

  /** The cell's properties, created if missing. */
  static CTTcPr tcPr(XWPFTableCell cell) {
    return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
  }

  /** Sets the cell's width in twips. */
  static void width(XWPFTableCell cell, int twips) {
    CTTcPr pr = tcPr(cell);
    var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
    w.setType(STTblWidth.DXA);
    w.setW(BigInteger.valueOf(twips));
  }

  /** Gives the cell four borders of one kind ({@code sz} in eighths of a point). */
  static void borders(XWPFTableCell cell, STBorder.Enum kind, int sz, String color) {
    CTTcPr pr = tcPr(cell);
    CTTcBorders b = pr.isSetTcBorders() ? pr.getTcBorders() : pr.addNewTcBorders();
    border(b.addNewTop(), kind, sz, color);
    border(b.addNewLeft(), kind, sz, color);
    border(b.addNewBottom(), kind, sz, color);
    border(b.addNewRight(), kind, sz, color);
  }

  static void border(CTBorder b, STBorder.Enum kind, int sz, String color) {
    b.setVal(kind);
    if (kind != STBorder.NIL && kind != STBorder.NONE) {
      b.setSz(BigInteger.valueOf(sz));
      b.setSpace(BigInteger.ZERO);
      b.setColor(color);
    }
  }

  /** Centimetres as twips. */
  static int twips(double cm) {
    return (int) Math.round(cm * TWIPS_PER_CM);
  }
}
