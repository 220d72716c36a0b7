package org.tanji.report.render;

import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tanji.report.model.Block;
import org.tanji.report.model.Palette;

/**
 * The geometry of a donut chart: one ring segment per positive share, clockwise from twelve
 * o'clock. HTML draws it as SVG paths and PDF as vector shapes, from the same shapes.
 */
public final class Donut {

  /** Side of the square the donut is drawn in, in CSS pixels. */
  public static final double SIZE = 200;
  private static final double OUTER = 96;
  private static final double INNER = 56;

  private Donut() {}

  /** A segment and its colour. */
  public record Segment(Shape shape, String color) {}

  /** The segments of a chart's items; items with no positive share draw nothing. */
  public static List<Segment> segments(List<Block.ChartItem> items) {
    double total = items.stream().mapToDouble(i -> Math.max(0, i.share())).sum();
    List<Segment> out = new ArrayList<>();
    if (total <= 0) {
      return out;
    }
    double c = SIZE / 2;
    Area hole = new Area(new Ellipse2D.Double(c - INNER, c - INNER, 2 * INNER, 2 * INNER));
    double start = 90; // degrees, counter-clockwise from three o'clock: twelve o'clock
    for (int i = 0; i < items.size(); i++) {
      double share = Math.max(0, items.get(i).share()) / total;
      if (share <= 0) {
        continue;
      }
      double extent = -share * 360; // clockwise
      Shape wedge = share >= 0.999999 ? new Ellipse2D.Double(c - OUTER, c - OUTER, 2 * OUTER, 2 * OUTER)
          : new Arc2D.Double(c - OUTER, c - OUTER, 2 * OUTER, 2 * OUTER, start, extent, Arc2D.PIE);
      Area ring = new Area(wedge);
      ring.subtract(hole);
      out.add(new Segment(ring, Palette.series(i)));
      start += extent;
    }
    return out;
  }

  /** The SVG path data of a shape, with coordinates to two decimals. */
  public static String pathData(Shape shape) {
    StringBuilder d = new StringBuilder();
    double[] p = new double[6];
    for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(p);
      switch (type) {
        case PathIterator.SEG_MOVETO -> d.append('M').append(xy(p, 1));
        case PathIterator.SEG_LINETO -> d.append('L').append(xy(p, 1));
        case PathIterator.SEG_QUADTO -> d.append('Q').append(xy(p, 2));
        case PathIterator.SEG_CUBICTO -> d.append('C').append(xy(p, 3));
        default -> d.append('Z');
      }
    }
    return d.toString();
  }

  private static String xy(double[] p, int points) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < points * 2; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format(Locale.ROOT, "%.2f", p[i]));
    }
    return sb.toString();
  }
}
