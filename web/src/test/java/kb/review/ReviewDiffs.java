package kb.review;

/** Diffs the review web tests paste. */
final class ReviewDiffs {

    /** Reads the JSON answers and downloads. */
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private ReviewDiffs() {
    }

    /** A whole new Go file whose response body is never closed: RES-02 with the whole function visible. */
    static final String LEAK_NEW_FILE = """
            diff --git a/client/fetch.go b/client/fetch.go
            new file mode 100644
            index 0000000..3b18e51
            --- /dev/null
            +++ b/client/fetch.go
            @@ -0,0 +1,13 @@
            +package client
            +
            +import "net/http"
            +
            +func Fetch(url string) (int, error) {
            +	resp, err := http.Get(url)
            +	if err != nil {
            +		return 0, err
            +	}
            +	return resp.StatusCode, nil
            +}
            +
            +// done
            """;

    /** The same leak added in the middle of an existing function: the hunk does not show the whole function. */
    static final String LEAK_IN_HUNK = """
            diff --git a/client/sync.go b/client/sync.go
            index 1111111..2222222 100644
            --- a/client/sync.go
            +++ b/client/sync.go
            @@ -40,6 +40,8 @@ func Sync(url string) error {
             	start := time.Now()
             	log.Debug("sync")
             	count := 0
            +	resp, err := http.Get(url)
            +	_ = resp
             	if err != nil {
             		return err
             	}
            """;

    /**
     * A hunk in the middle of a Java method that opens a file stream and reads from it: RES-01, at low confidence, since
     * the hunk does not show the rest of the method (a Java method's hidden part still lowers confidence; a Go
     * function's no longer does, by the evidence in web/src/test/bench/realfixes/README.md, "Confidence by reason").
     */
    static final String LEAK_IN_JAVA_HUNK = """
            diff --git a/src/main/java/app/Sync.java b/src/main/java/app/Sync.java
            index 1111111..2222222 100644
            --- a/src/main/java/app/Sync.java
            +++ b/src/main/java/app/Sync.java
            @@ -40,6 +40,8 @@ public class Sync {
                     long start = System.nanoTime();
                     log.debug("sync");
                     int count = 0;
            +        InputStream in = new FileInputStream(path);
            +        count += in.read();
                     if (count < 0) {
                         return;
                     }
            """;

    /** A go.mod change: DEP-01 (a blocker item) goes to the manual checklist, no detector finding. */
    static final String GO_MOD = """
            diff --git a/go.mod b/go.mod
            index 1111111..2222222 100644
            --- a/go.mod
            +++ b/go.mod
            @@ -3,3 +3,4 @@ module example.com/svc
             go 1.22
             
             require golang.org/x/net v0.25.0
            +require golang.org/x/text v0.15.0
            """;

    /** The hunk header on line 5 promises more lines than follow it; the text has characters HTML must escape. */
    static final String MALFORMED = """
            diff --git a/a.go b/a.go
            index 1111111..2222222 100644
            --- a/a.go
            +++ b/a.go
            @@ -1,2 +1,3 @@
             package a
            +func A() {}
            this line is not part of any hunk & <b>kept</b>
            """;
}
