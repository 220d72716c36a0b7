package org.tanji.report.docx;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.tanji.report.model.Block;

/**
 * Lists as Word lists: one bullet and one decimal definition in the numbering part, and a numbering
 * instance per numbered list so that each starts at 1.
 */
final class DocxLists {

  private static final BigInteger BULLET = BigInteger.ONE;
  private static final BigInteger DECIMAL = BigInteger.TWO;

  private final XWPFDocument doc;
  private XWPFNumbering numbering;
  private BigInteger bulletNum;

  DocxLists(XWPFDocument doc) {
    this.doc = doc;
  }

  /** One paragraph in style List Paragraph per item, numbered or with a bullet. */
  void list(Block.ItemList l) {
    BigInteger num = l.numbered() ? newDecimal() : bullets();
    for (String item : l.items()) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("ListParagraph");
      p.setNumID(num);
      p.setNumILvl(BigInteger.ZERO);
      Ooxml.run(p, item);
    }
  }

  private BigInteger bullets() {
    if (bulletNum == null) {
      bulletNum = numbering().addNum(BULLET);
    }
    return bulletNum;
  }

  /** A new instance of the decimal list, restarting at 1. */
  private BigInteger newDecimal() {
    BigInteger id = numbering().addNum(DECIMAL);
    CTNumLvl override = numbering.getNum(id).getCTNum().addNewLvlOverride();
    override.setIlvl(BigInteger.ZERO);
    override.addNewStartOverride().setVal(BigInteger.ONE);
    return id;
  }

  private XWPFNumbering numbering() {
    if (numbering == null) {
      numbering = doc.createNumbering();
      numbering.addAbstractNum(new XWPFAbstractNum(definition(BULLET, STNumberFormat.BULLET, "\u2022")));
      numbering.addAbstractNum(new XWPFAbstractNum(definition(DECIMAL, STNumberFormat.DECIMAL, "%1.")));
    }
    return numbering;
  }

  private static CTAbstractNum definition(BigInteger id, STNumberFormat.Enum format, String text) {
    CTAbstractNum a = CTAbstractNum.Factory.newInstance();
    a.setAbstractNumId(id);
    CTLvl lvl = a.addNewLvl();
    lvl.setIlvl(BigInteger.ZERO);
    lvl.addNewStart().setVal(BigInteger.ONE);
    lvl.addNewNumFmt().setVal(format);
    lvl.addNewLvlText().setVal(text);
    lvl.addNewLvlJc().setVal(STJc.LEFT);
    CTInd ind = lvl.addNewPPr().addNewInd();
    ind.setLeft(BigInteger.valueOf(420));
    ind.setHanging(BigInteger.valueOf(420));
    return a;
  }
}
