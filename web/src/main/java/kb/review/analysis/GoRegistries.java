package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field the file fills only by registration: every write of it is an append stored back (one handler, listener or
 * validator at a time: {@code b.handlers[t] = append(b.handlers[t], h)}), an empty start (make, nil, an empty
 * literal) or a filtered copy of itself (a plain local, as an Unsubscribe writes back); nothing loads it whole from
 * elsewhere (a query, a decode). For {@link GoRangeOrigins}: a collection of functions or interfaces held that way is
 * code the program registered.
 */
final class GoRegistries {

    /** A write of a field, possibly indexed: group 1 the field, group 2 the value. */
    private static final Pattern WRITE = Pattern.compile(
            "(?m)\\.(\\w+)\\s*(?:\\[[^\\]\\n]*\\])?\\s*=(?!=)\\s*(.+?)\\s*$");
    private static final Pattern REGISTRATION = Pattern.compile("\\Aappend\\(\\s*[\\w.]+\\s*(?:\\[[^\\]\\n]*\\])?\\s*,");
    private static final Pattern FILLER = Pattern.compile(
            "\\A(?:nil|\\w+|make\\([^()]*\\)|(?:\\[\\]|map\\[[^\\]]*\\])[\\w.*\\[\\]]*\\{\\s*\\})\\z");

    /** A composite literal written out: {@code []validator{...}}, {@code T{...}}, {@code &T{...}}. */
    private static final Pattern WRITTEN = Pattern.compile(
            "\\A(?:(?:\\[\\d*\\]|map\\[[^\\]\\n]*\\])[\\w.*\\[\\]]*\\{|append\\(\\s*[\\w.]+\\s*,\\s*&?[\\w.]+\\{)");

    private GoRegistries() {
    }

    /**
     * A field every write of which is a list the code writes out or an append of one literal element ({@code a.v =
     * []validator{...}}, then {@code a.v = append(a.v, validator{...})} when a setting is on), none of them repeated
     * by a loop: as many elements as the code has literals.
     */
    static boolean writtenOut(String file, String field) {
        if (!file.contains(field)) {
            return false;
        }
        boolean written = false;
        Matcher m = WRITE.matcher(file);
        while (m.find()) {
            if (!m.group(1).equals(field)) {
                continue;
            }
            if (WRITTEN.matcher(m.group(2)).find() && !GoAssignments.inLoop(file, m.start())) {
                written = true;
            } else if (!FILLER.matcher(m.group(2)).matches() || m.group(2).matches("\\w+") && !m.group(2).equals("nil")) {
                return false;
            }
        }
        return written;
    }

    static boolean onlyRegistered(String file, String field) {
        if (!file.contains(field)) {
            return false;
        }
        boolean appended = false;
        Matcher m = WRITE.matcher(file);
        while (m.find()) {
            if (!m.group(1).equals(field)) {
                continue;
            }
            if (REGISTRATION.matcher(m.group(2)).find()) {
                appended = true;
            } else if (!FILLER.matcher(m.group(2)).matches()) {
                return false;
            }
        }
        return appended;
    }
}
