import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders each page of a PDF to a PNG with PDFBox, so that a person can look at a report's pages
 * without a PDF viewer. Run with the tanji jar on the class path (it contains PDFBox):
 * {@code java -cp tanji-cli/target/tanji.jar scripts/PdfPages.java FILE.pdf OUTDIR [DPI]}.
 */
public class PdfPages {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: PdfPages FILE.pdf OUTDIR [DPI]");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    float dpi = args.length > 2 ? Float.parseFloat(args[2]) : 80;
    String base = Path.of(args[0]).getFileName().toString().replaceFirst("\\.pdf$", "");
    try (PDDocument pdf = Loader.loadPDF(new File(args[0]))) {
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
        File png = out.resolve(String.format("%s-%02d.png", base, i + 1)).toFile();
        ImageIO.write(image, "png", png);
        System.out.println(png);
      }
    }
  }
}
