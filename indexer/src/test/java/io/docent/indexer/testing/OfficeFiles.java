package io.docent.indexer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Office, PDF and mail files made on the fly with Apache POI and PDFBox (both on the class path through Tika), so the
 * tests need no binary fixtures, and broken or password-protected variants of them.
 */
public final class OfficeFiles {

    private OfficeFiles() {}

    /** A Word document: a title property, a heading, a paragraph and a two-row table. */
    public static byte[] docx(String title, String heading, String paragraph) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("Ana Lima");
            XWPFParagraph h = doc.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText(heading);
            doc.createParagraph().createRun().setText(paragraph);
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Region");
            table.getRow(0).getCell(1).setText("Allowance");
            table.getRow(1).getCell(0).setText("EMEA");
            table.getRow(1).getCell(1).setText("25 days");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet of rows. */
    public static byte[] xlsx(String sheetName, String[]... rows) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A slide deck with one slide holding a text box. */
    public static byte[] pptx(String text) {
        try (XMLSlideShow deck = new XMLSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFTextBox box = deck.createSlide().createTextBox();
            box.setText(text);
            deck.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with a line of text; with a user password when {@code password} is not null. */
    public static byte[] pdf(String text, String password) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            if (password != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document encrypted with a password (agile encryption, as Office writes it). */
    public static byte[] encryptedDocx(String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(docx("Secret", "Secret", "Pay")));
                    OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException
                | GeneralSecurityException
                | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text mail. */
    public static byte[] eml(String from, String to, String subject, String body) {
        String mail = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nDate: Tue, 3 Mar 2026 10:15:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    /** The first half of a file: a download cut short. */
    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }
}
