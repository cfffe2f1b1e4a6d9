package io.paperboy.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The first page of a PDF as a small PNG, rendered by Apache PDFBox. */
final class FirstPage {
    /** 40 dots per inch: a US-letter page becomes 340 × 440 pixels, sharp at card size on dense screens. */
    static final float DPI = 40;

    private FirstPage() {}

    /** The PNG, or an IOException saying why the bytes are not a PDF PDFBox can render. */
    static byte[] png(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getNumberOfPages() == 0) {
                throw new IOException("the PDF has no pages");
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
