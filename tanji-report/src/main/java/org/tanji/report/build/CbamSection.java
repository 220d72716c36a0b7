package org.tanji.report.build;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.cbam.Printed;
import org.tanji.core.i18n.Messages;
import org.tanji.report.model.Block;
import org.tanji.report.model.Block.Column;
import org.tanji.report.model.ReportDocument;

/**
 * The report's section "PCF beside CBAM": for each CBAM good, the footprint per t beside its
 * specific embedded emissions, and a table that takes the difference apart line by line, each
 * line with its reason in the words and figures of the data.
 */
public final class CbamSection {

  private CbamSection() {}

  /** The document with the section added at its end; the same document when there is nothing to compare. */
  public static ReportDocument append(ReportDocument doc, List<PcfBesideCbam> comparisons) {
    if (comparisons.isEmpty()) {
      return doc;
    }
    Words w = new Words(doc.locale());
    List<Block> blocks = new ArrayList<>(doc.blocks());
    int tables = (int) doc.blocks().stream().filter(b -> b instanceof Block.Table t && t.caption() != null
        && !t.caption().isEmpty()).count();
    blocks.add(new Block.Heading(1, "", w.get("h.cbam"), "appendix-cbam"));
    blocks.add(new Block.Paragraph(w.get("cbam.intro")));
    for (PcfBesideCbam c : comparisons) {
      blocks.add(new Block.Paragraph(c.see().isPresent()
          ? w.get("cbam.summary", c.cn(), Printed.specific(OptionalDouble.of(c.pcf())),
              Printed.specific(c.see()), Printed.specific(c.difference()))
          : w.get("cbam.summary.noSee", c.cn(), Printed.specific(OptionalDouble.of(c.pcf())))));
      List<List<String>> rows = new ArrayList<>();
      for (PcfBesideCbam.Step s : c.steps()) {
        rows.add(List.of(s.shownName(doc.locale()), Messages.render(s.kind().label(), doc.locale()),
            Printed.specific(OptionalDouble.of(s.pcf())), Printed.specific(s.cbam()), Printed.specific(s.difference()),
            Messages.render(s.why(), doc.locale())));
      }
      List<List<String>> footer = new ArrayList<>();
      footer.add(List.of(w.get("cbam.total"), "", Printed.specific(OptionalDouble.of(c.pcf())),
          Printed.specific(c.see()), Printed.specific(c.difference()), ""));
      if (c.shownRest().isPresent()) {
        footer.add(List.of(w.get("cbam.rest"), "", "", "", Printed.specific(c.shownRest()), ""));
      }
      blocks.add(new Block.Table("cbam-" + c.cn().replace(" ", ""),
          w.get("table", ++tables) + "  " + w.get("cbam.caption", c.cn()),
          List.of(Column.text(w.get("cbam.col.line")), Column.text(w.get("cbam.col.kind")),
              Column.number(w.get("cbam.col.pcf")), Column.number(w.get("cbam.col.cbam")),
              Column.number(w.get("cbam.col.difference")), Column.text(w.get("cbam.col.why"))),
          rows, footer, false));
    }
    return new ReportDocument(doc.locale(), doc.title(), doc.cover(), blocks, doc.footer());
  }
}
