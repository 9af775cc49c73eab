package kb.review.engine;

import java.util.regex.Pattern;

/**
 * Releases written as a call of a helper handed the value, for {@link RemovedReleases}: projects close through
 * helpers more often than not (Go: {@code defer googleapi.CloseBody(res)}, {@code defer drainAndClose(resp.Body)},
 * {@code defer closeResponse(resp)}, {@code safeClose(conn)}; Java: {@code IOUtils.closeQuietly(in)},
 * {@code Closeables.close(out, true)}, {@code closeCursor(cursor)}, {@code DbUtils.closeQuietly(conn)},
 * {@code EntityUtils.consume(entity)}). Deleting such a call drops the release as surely as deleting
 * {@code v.close()}, and the rest of the pass (acquisition, put back elsewhere, moved, owned) reads it the same way.
 *
 * <p>The helper's name says it releases: Go names that start or end with {@code Close} or {@code Drain}, beyond
 * the built-in {@code close(ch)} of a channel (and none of the methods that only half-close or report:
 * {@code CloseWithError}, {@code CloseSend}, {@code CloseNotify}, {@code CloseRead}, {@code CloseWrite},
 * {@code CloseIdleConnections}); Java helpers named for a quiet or safe close, or {@code close} followed by the kind
 * of resource. A handler's window, dialog or tab ({@code closeWindow(w)}) is not among them. One value only, a
 * local's name (lower case, not a constant): a helper handed an error, a context, a reason or a status is not
 * closing it.
 */
final class HelperReleases {

    /** The statement forms of a Go release: alone, deferred, or with its error dropped. */
    private static final String GO_LEAD = "^\\s*(?:defer\\s+)?(?:_\\s*=\\s*)?(?:[A-Za-z_]\\w*\\.)?";
    /**
     * A Go helper that releases: its name starts with Close or Drain ({@code closeBody}, {@code CloseQuietly},
     * {@code drainAndClose}) or ends with them ({@code safeClose}); a name with Close inside
     * ({@code setCloseButtonState}) or a close callback ({@code onClose}) releases nothing (set 22's wails).
     */
    private static final String GO_HELPER = "(?!Close(?:WithError|Send|Notify|Read|Write|IdleConnections)\\()"
            + "(?!on[A-Z])(?:[cC]lose[A-Z]\\w*|[dD]rain\\w*|\\w*[a-z](?:Close|Drain)"
            // session 54 (res54): a package's bare Close handed the value (`defer util.Close(resp)`,
            // `defer ioutils.Close(f)`): a lower-case qualifier, a package, not a value's own Close(arg)
            + "|(?<=(?<![\\w.])[a-z][a-z0-9_]{0,30}\\.)Close(?=\\())";
    /** Names a helper's argument has when it is not the released value. */
    private static final String NOT_VALUE = "(?!(?:err|error|e|ex|ctx|context|reason|code|msg|message|status|t|b|tb"
            + "|nil|true|false)\\b)";
    private static final String GO_TAIL = "\\s*\\)\\s*(?://.*)?$";

    /**
     * A Go helper releasing an HTTP response or its body: a body handed to any releasing helper
     * ({@code drain(resp.Body)}), or a response handed to one named for bodies or responses
     * ({@code googleapi.CloseBody(res)}, {@code closeResponse(r)}, {@code drainBody(r)}) or under a response's
     * name. Group 1 is the response.
     */
    static final Pattern GO_BODY = Pattern.compile(GO_LEAD + "(?:(?=\\w*(?:Body|Resp)\\w*\\()" + GO_HELPER + "\\(\\s*"
            + NOT_VALUE + "|" + GO_HELPER
            + "\\(\\s*(?=\\w+\\.Body\\s*\\)|(?:resp|res|response|\\w+Resp(?:onse)?)\\s*\\)))"
            + "([a-z_]\\w*)(?:\\.Body)?" + GO_TAIL);

    /** Any other Go releasing helper handed one value ({@code safeClose(conn)}, {@code closeutil.CloseQuietly(f)}). */
    static final Pattern GO = Pattern.compile(GO_LEAD + GO_HELPER + "\\(\\s*" + NOT_VALUE + "([a-z_]\\w*)" + GO_TAIL);


    /**
     * A Java helper that closes one value: a utility class's or the file's own quiet or safe close, or
     * {@code close}/{@code closeX} named for the resource. An instance method of another value
     * ({@code ctx.close(promise)}) is left out: only a class (upper case) may qualify the call. Group 1 is the value.
     */
    static final Pattern JAVA = Pattern.compile("^\\s*(?:[A-Z]\\w*(?:\\.[A-Z]\\w*)*\\.)?"
            + "(?:closeQuietly\\w*|closeSilently|closeSafely|safeClose\\w*|quietClose\\w*|silentClose\\w*"
            + "|closeIgnoring\\w*"
            + "|close(?:Stream|Reader|Writer|Cursor|Connection|Conn|Socket|Channel|Statement|Stmt|ResultSet|Rs"
            + "|Response|Client|Resource|Resources|File|Input|Output|InputStream|OutputStream|Session|Jar|Zip)?)"
            + "\\(\\s*(?:this\\.)?" + NOT_VALUE + "([a-z_]\\w*)\\s*(?:,\\s*(?:true|false|null|LOG|log|logger|LOGGER))?"
            + "\\s*\\)\\s*;");

    /**
     * A Java HTTP entity consumed, the release Apache HttpClient asks for ({@code EntityUtils.consume(entity)},
     * {@code EntityUtils.consumeQuietly(response.getEntity())}). Group 1 is the entity or the response.
     */
    static final Pattern JAVA_ENTITY = Pattern.compile("^\\s*(?:[\\w.]+\\.)?EntityUtils\\.consume(?:Quietly)?\\(\\s*"
            + "([a-z_]\\w*)(?:\\.getEntity\\(\\))?\\s*\\)\\s*;");

    /** Names a Java value gets when it is an HTTP response. */
    private static final Pattern RESPONSE_NAME = Pattern.compile("(?:resp|response|\\w+Response|httpResp\\w*)");

    private HelperReleases() {
    }

    /**
     * True when a Java value whose acquisition the diff does not show is named as HTTP responses are
     * ({@code response}, {@code resp}, {@code httpResponse}, {@code tokenResponse}): its close is RES-02's.
     */
    static boolean responseNamed(String value) {
        return RESPONSE_NAME.matcher(value).matches();
    }
}
