package kb.review.report;

import kb.review.engine.Finding;
import kb.review.engine.Review;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI systems that show test reports: each finding is a failing test case (suppressed ones skipped),
 * and each reviewed file without findings a passing one, so a clean review still reports what it checked.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(ReportContext ctx) {
        Review r = ctx.review();
        List<Finding> all = r.findings();
        Set<String> withFindings = all.stream().map(Finding::path).collect(Collectors.toSet());
        List<Review.ReviewedFile> clean = r.files().stream().filter(f -> !withFindings.contains(f.path())).toList();
        long failures = all.stream().filter(f -> !f.suppressed()).count();
        long skipped = all.size() - failures;
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "postmortem-kb review");
            x.writeAttribute("tests", String.valueOf(all.size() + clean.size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(skipped));
            for (Finding f : all) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", xml(f.path()));
                x.writeAttribute("name", xml(f.item() + " " + f.rule() + " at line " + f.line()));
                x.writeStartElement(f.suppressed() ? "skipped" : "failure");
                x.writeAttribute("message", xml(f.message()));
                if (!f.suppressed()) {
                    x.writeAttribute("type", ReportContext.label(f.severity()));
                    x.writeCharacters(xml(f.path() + ":" + f.line() + ": " + f.code() + "\n" + ctx.title(f.item())
                            + " " + ctx.itemUrl(f.item())));
                }
                x.writeEndElement();
                x.writeEndElement();
            }
            for (Review.ReviewedFile f : clean) {
                x.writeCharacters("\n  ");
                x.writeEmptyElement("testcase");
                x.writeAttribute("classname", xml(f.path()));
                x.writeAttribute("name", "no findings");
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML could not be written", e);
        }
        return out + "\n";
    }

    /**
     * Text XML 1.0 can hold: the control characters a source line may carry (a form feed in old Java code, a bell in a
     * string) and lone surrogates become U+FFFD. The writer copies them as they are, and CI servers refused the whole
     * report as not well-formed.
     */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }
}
