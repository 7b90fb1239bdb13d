package io.docent.indexer.testing;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word documents for tests, written with POI: what a real document has and one made from scratch by POI lacks (the
 * heading styles), so that headings come through Tika as headings.
 */
public final class WordDocuments {

    private WordDocuments() {}

    /** Adds the styles {@code Heading1} and {@code Heading2}, as every Word document carries them. */
    public static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 2; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading " + level);
            styles.addStyle(new XWPFStyle(style));
        }
    }

    /** A heading paragraph of {@code level} (1 or 2; {@link #headingStyles} first). */
    public static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(text);
    }
}
