package kb.feeds;

import kb.incidents.Incidents;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an Atom feed (RFC 4287) of incidents. Entry ids are tag URIs (RFC 4151) built from the site's
 * host and the incident id, so they stay the same when the incident changes; {@code updated} is the last
 * write, {@code published} the first.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private AtomFeed() {
    }

    /**
     * @param site     the site's base URL, without a trailing slash
     * @param selfPath the feed's own path ({@code /feed.atom}), for its id and self link
     */
    static String write(String site, String selfPath, String title, List<Incidents.Entry> entries) {
        String host = URI.create(site).getHost() == null ? "localhost" : URI.create(site).getHost();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "tag:" + host + ",2024:feed" + selfPath);
            text(x, "title", title);
            OffsetDateTime newest = entries.stream().map(Incidents.Entry::updated).max(OffsetDateTime::compareTo)
                    .orElse(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            text(x, "updated", time(newest));
            link(x, "self", site + selfPath, "application/atom+xml");
            link(x, "alternate", site + "/incidents", "text/html");
            x.writeStartElement("author");
            text(x, "name", "Postmortem KB");
            x.writeEndElement();
            for (Incidents.Entry e : entries) {
                x.writeStartElement("entry");
                text(x, "id", "tag:" + host + ",2024:incident/" + e.id());
                text(x, "title", e.severity() + " " + e.title());
                text(x, "updated", time(e.updated()));
                text(x, "published", time(e.created()));
                link(x, "alternate", site + "/incidents/" + e.id(), "text/html");
                for (String a : e.authors().isEmpty() ? List.of("Postmortem KB") : e.authors()) {
                    x.writeStartElement("author");
                    text(x, "name", a);
                    x.writeEndElement();
                }
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(e.summary() == null ? e.title() : clean(e.summary()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
    }

    /** XML 1.0 cannot hold most control characters even escaped; a postmortem could contain them. */
    private static String clean(String s) {
        return s.strip().replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static String time(OffsetDateTime t) {
        return RFC3339.format(t.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
