package kb.review.analysis;

import java.util.Set;

/**
 * Java, for {@link JavaCfg}: which exception types a catch takes. A catch of {@code Exception} or {@code Throwable}
 * takes everything; a catch of an unchecked or of another checked type lets a declared checked exception through.
 */
final class CheckedExceptions {

    private CheckedExceptions() {
    }

    /** What catches everything a method can throw (an Error is not a path real code guards). */
    private static final Set<String> CATCH_ALL = Set.of("Exception", "Throwable");
    /** Unchecked exception types: a catch of one of these lets every checked exception through. */
    private static final Set<String> UNCHECKED = Set.of("RuntimeException", "Error", "IllegalStateException",
            "IllegalArgumentException", "NullPointerException", "UnsupportedOperationException",
            "UncheckedIOException", "PersistenceException", "HibernateException", "DataAccessException");
    /** Checked exception types none of which is a subtype of another. */
    private static final Set<String> CHECKED = Set.of("IOException", "SQLException", "InterruptedException",
            "ExecutionException", "TimeoutException", "GeneralSecurityException", "URISyntaxException",
            "ReflectiveOperationException", "NamingException", "JMSException", "CloneNotSupportedException",
            "ParseException", "JAXBException", "SAXException", "TransformerException");

    static boolean takes(String caught, String declared) {
        if (CATCH_ALL.contains(caught) || caught.equals(declared)) {
            return true;
        }
        if (declared.equals("RuntimeException")) {
            return false; // a catch of one checked or narrower unchecked type lets the others through
        }
        if (CATCH_ALL.contains(declared)) {
            return false;
        }
        return !(CHECKED.contains(declared) && (UNCHECKED.contains(caught) || CHECKED.contains(caught)));
    }

    static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
