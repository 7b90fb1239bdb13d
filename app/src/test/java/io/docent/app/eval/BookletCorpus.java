package io.docent.app.eval;

import io.docent.indexer.testing.PdfTypesetter;
import io.docent.indexer.testing.WordDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The corpus of the booklet question set ({@code eval/booklet/questions.jsonl}), written here so no binary file is
 * checked in: a fictional company's benefits booklet as a 10-page PDF (wrapped and hyphenated lines, a running header
 * and "Page N of M" footer, a cost table, a two-column page), an employee guide as a Word document with heading
 * styles, and an onboarding deck of 5 slides. Every fact the questions ask for is on a known page or slide.
 *
 * <p>To look at it or evaluate by hand: {@code mvn -o -q -pl app test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.docent.app.eval.BookletCorpus -Dexec.args=/tmp/booklet} (see
 * eval/README.md, "booklet").
 */
public final class BookletCorpus {

    static final String PDF = "benefits-guide.pdf";
    static final String DOCX = "employee-guide.docx";
    static final String PPTX = "onboarding.pptx";

    private BookletCorpus() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "booklet-corpus");
        write(dir);
        System.out.println("wrote " + PDF + ", " + DOCX + " and " + PPTX + " to " + dir.toAbsolutePath());
    }

    /** Writes the three documents into {@code dir}, creating it. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(PDF), benefitsGuide());
        Files.write(dir.resolve(DOCX), employeeGuide());
        Files.write(dir.resolve(PPTX), onboardingDeck());
    }

    /** Ten pages; each section starts a page, so the question set can name the page of every fact. */
    static byte[] benefitsGuide() {
        PdfTypesetter t = new PdfTypesetter()
                .title("Contoso Benefits Guide 2026")
                .header("Contoso Benefits Guide 2026")
                .footer("Page %1$d of %2$d");
        // page 1
        t.heading("Welcome to your 2026 benefits", 18)
                .paragraph("This guide describes the health, wellness and financial benefits that Contoso Ltd offers"
                        + " to its employees and their families for the 2026 plan year, which runs from January 1 to"
                        + " December 31, 2026. It summarises the plans; the official plan documents govern in case of"
                        + " any difference.")
                .paragraph("Questions about your benefits go to the Contoso Benefits Service Center, which you can"
                        + " reach at 1-800-555-0142 on weekdays from 8 a.m. to 6 p.m. Eastern time, or by e-mail at"
                        + " benefits@contoso.com. Representatives can explain your options, correct an enrolment and"
                        + " help with a claim that was denied.")
                .pageBreak();
        // page 2
        t.heading("Eligibility", 16)
                .paragraph("Regular full-time employees who are scheduled to work at least 30 hours a week are"
                        + " eligible for the benefits in this guide. Part-time employees scheduled for 20 to 29 hours"
                        + " a week are eligible for dental, vision and the Employee Assistance Program only.")
                .paragraph("Coverage begins on the first day of the month following 30 days of continuous"
                        + " employment. Temporary workers and contractors engaged through an agency are not eligible.")
                .paragraph("You may also cover your dependants: your spouse or registered domestic partner, and your"
                        + " children up to the end of the month in which they turn 26, including stepchildren,"
                        + " adopted children and foster children. A child of any age who is incapable of self-support"
                        + " because of a disability remains eligible.")
                .pageBreak();
        // page 3
        t.heading("Enrolment", 16)
                .paragraph("Open enrolment for the 2026 plan year runs from November 3 to November 21, 2025. During"
                        + " open enrolment you can join a plan, change plans, or add and remove dependants; the choices"
                        + " you make take effect on January 1, 2026.")
                .paragraph("Outside open enrolment you can change your elections only after a qualifying life event,"
                        + " such as marriage, divorce, the birth or adoption of a child, or the loss of other coverage."
                        + " You must request the change within 31 days of the event, with documentation of it.")
                .paragraph("New hires enrol through the Benefits Portal within 30 days of their start date. An"
                        + " employee who does not enrol is given employee-only coverage in the Standard PPO plan.")
                .pageBreak();
        // page 4
        t.heading("Medical plans and costs", 16)
                .paragraph("Contoso offers two medical plans administered by Fabrikam Health: the Standard PPO and the"
                        + " Saver HDHP, a high-deductible health plan that can be paired with a health savings"
                        + " account. Both plans cover preventive care in network at no cost to you.")
                .table(
                        new float[] {0, 230, 340},
                        new String[] {"Plan feature", "Standard PPO", "Saver HDHP"},
                        new String[] {"Deductible, individual", "$1,500", "$3,000"},
                        new String[] {"Deductible, family", "$3,000", "$6,000"},
                        new String[] {"Out-of-pocket maximum, individual", "$4,000", "$6,500"},
                        new String[] {"Out-of-pocket maximum, family", "$8,000", "$13,000"},
                        new String[] {"Primary care visit", "$25 co-pay", "20% after deductible"},
                        new String[] {"Specialist visit", "$50 co-pay", "20% after deductible"},
                        new String[] {"Emergency room", "$250 co-pay", "20% after deductible"})
                .paragraph("The calendar year deductible of the Standard PPO for in-network services is $1,500 for an"
                        + " individual and $3,000 for a family. The out-of-pocket maximum of the Standard PPO is $4,000"
                        + " for an individual and $8,000 for a family; after that the plan pays 100% of covered"
                        + " services for the rest of the year.")
                .paragraph("An emergency room visit costs a $250 co-pay in the Standard PPO, waived when you are"
                        + " admitted to the hospital.")
                .pageBreak();
        // page 5
        t.heading("Prescription drugs", 16)
                .paragraph("Prescriptions are covered through Fabrikam Pharmacy in four tiers. In the Standard PPO a"
                        + " 30-day supply of a generic drug costs a $10 co-pay, a preferred brand drug a $35 co-pay and"
                        + " a non-preferred brand drug a $70 co-pay.")
                .paragraph("Specialty drugs cost 20% coinsurance up to $250 per prescription and must be filled by the"
                        + " specialty pharmacy. Maintenance medications can be ordered by mail as a 90-day supply for"
                        + " the cost of two co-pays.")
                .pageBreak();
        // page 6: two columns
        t.twoColumnPage(
                "Dental and vision",
                List.of(
                        "The Contoso Dental Plus plan pays 100% of preventive care such as cleanings and check-ups"
                                + " twice a year, 80% of basic services such as fillings, and 50% of major services"
                                + " such as crowns and bridges.",
                        "The annual dental maximum is $2,000 per covered person. Orthodontic treatment for children"
                                + " under age 19 is covered at 50% up to a lifetime maximum of $1,500."),
                List.of(
                        "The vision plan covers one eye examination every 12 months for a $10 co-pay at any network"
                                + " optometrist.",
                        "Frames are covered up to $150 every 24 months, and contact lenses up to $130 a year in place"
                                + " of glasses. Laser eye surgery is discounted by 15% at participating providers."));
        // page 7
        t.heading("Health savings and spending accounts", 16)
                .paragraph("Employees enrolled in the Saver HDHP can open a health savings account (HSA). Contoso"
                        + " contributes $750 a year to the HSA of an employee with individual coverage and $1,500 a"
                        + " year with family coverage, paid in equal amounts with each paycheck.")
                .paragraph("The health care flexible spending account (FSA) lets you set aside up to $3,300 of your"
                        + " pay before tax for eligible expenses. Up to $660 of unused FSA money carries over into the"
                        + " next plan year; the rest is forfeited.")
                .pageBreak();
        // page 8
        t.heading("Wellness and mental health", 16)
                .paragraph("The Employee Assistance Program offers six free counselling sessions per issue each year"
                        + " with a licensed counsellor, in person or by video, for you and anyone in your household."
                        + " It is confidential and available around the clock at 1-800-555-0199.")
                .paragraph("Employees who complete the annual health assessment and a biometric screening earn a"
                        + " wellness reward of up to $300 a year. Contoso also reimburses gym memberships up to $50 a"
                        + " month.")
                .pageBreak();
        // page 9
        t.heading("Life and disability insurance", 16)
                .paragraph("Basic life insurance of two times your annual base salary, up to $500,000, is provided at"
                        + " no cost. You can buy supplemental life insurance of up to five times your salary.")
                .paragraph("Short-term disability insurance replaces 60% of your base pay for up to 26 weeks after a"
                        + " waiting period of 7 days. Long-term disability insurance then replaces 60% of your base pay"
                        + " up to $15,000 a month.")
                .pageBreak();
        // page 10
        t.heading("Claims, appeals and leaving Contoso", 16)
                .paragraph("Claims for services from out-of-network providers must be filed within 12 months of the"
                        + " date of service. If a claim is denied, you may appeal in writing within 180 days of the"
                        + " denial notice.")
                .paragraph("When your employment ends, medical, dental and vision coverage continues to the end of"
                        + " that month. You may then continue coverage under COBRA for up to 18 months by paying the"
                        + " full premium plus a 2% administration fee.");
        return t.pdf();
    }

    /** An employee guide with Word's heading styles: leave, expenses and IT. */
    static byte[] employeeGuide() {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Contoso Employee Guide");
            WordDocuments.headingStyles(doc);
            WordDocuments.heading(doc, 1, "Leave");
            WordDocuments.heading(doc, 2, "Annual leave");
            text(
                    doc,
                    "Full-time employees receive 25 days of paid annual leave each year, plus public holidays."
                            + " Up to 5 unused days can be carried over into the next year and must be taken by March 31.");
            WordDocuments.heading(doc, 2, "Sick leave");
            text(
                    doc,
                    "Employees receive 10 days of paid sick leave a year. A doctor's note is required for an"
                            + " absence of more than 3 consecutive working days.");
            WordDocuments.heading(doc, 2, "Parental leave");
            text(
                    doc,
                    "The primary caregiver of a new child receives 16 weeks of fully paid parental leave, and the"
                            + " secondary caregiver receives 6 weeks, to be taken within the first year.");
            WordDocuments.heading(doc, 1, "Expenses");
            WordDocuments.heading(doc, 2, "Travel");
            text(
                    doc,
                    "Book flights through Contoso Travel. Economy class is the rule for flights shorter than 6"
                            + " hours. Using your own car for business is reimbursed at 67 cents per mile.");
            WordDocuments.heading(doc, 2, "Meals");
            text(
                    doc,
                    "While travelling on business you can spend up to $75 a day on meals. Alcohol is not"
                            + " reimbursed.");
            WordDocuments.heading(doc, 2, "Submitting claims");
            text(
                    doc,
                    "Submit expense claims in ExpensePoint within 30 days of the expense, with an itemised receipt"
                            + " for every amount over $25. Approved claims are paid with the next payroll.");
            WordDocuments.heading(doc, 1, "IT");
            WordDocuments.heading(doc, 2, "Laptops");
            text(
                    doc,
                    "Every employee receives a laptop, which is replaced every 3 years. Report a lost or stolen"
                            + " laptop to the IT help desk within 24 hours.");
            WordDocuments.heading(doc, 2, "Passwords");
            text(
                    doc,
                    "Passwords must be at least 14 characters long, and multi-factor authentication is required"
                            + " for every company account.");
            WordDocuments.heading(doc, 2, "Help desk");
            text(
                    doc,
                    "The IT help desk is open from 7 a.m. to 7 p.m. on weekdays. Call extension 4357 or write to"
                            + " helpdesk@contoso.com.");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Five slides for a new starter's first weeks. */
    static byte[] onboardingDeck() {
        String[][] slides = {
            {
                "Welcome to Contoso",
                "On your first day, arrive at 9:00 at the main reception in Building 4. Bring a"
                        + " photo ID; security prints your badge there."
            },
            {
                "Your first week",
                "Your manager assigns you an onboarding buddy. Complete the security awareness"
                        + " training within your first 5 working days."
            },
            {
                "Tools and equipment",
                "Pick up your laptop at the IT bar on floor 2. Join the #new-starters channel"
                        + " in Teams to ask questions."
            },
            {
                "Probation",
                "The probation period lasts 6 months. Your manager holds check-ins at 30, 60 and 90" + " days."
            },
            {
                "Who to ask",
                "Your people partner answers questions about pay and contracts. Write to"
                        + " onboarding@contoso.com for anything else."
            }
        };
        try (XMLSlideShow deck = new XMLSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String[] s : slides) {
                XSLFSlide slide = deck.createSlide();
                XSLFTextBox title = slide.createTextBox();
                title.setText(s[0]);
                XSLFTextBox body = slide.createTextBox();
                body.setText(s[1]);
            }
            deck.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }
}
