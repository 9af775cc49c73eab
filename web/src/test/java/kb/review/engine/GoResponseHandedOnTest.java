package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An HTTP response handed to the caller inside a value that a call builds from it (RES-02's
 * {@code go-response-body-not-closed}; round 20's go-21 stands for the class, none of its code is here): {@code return
 * wrap(resp), nil} puts the call's result in a value slot of the return, so what it builds from the response is the
 * caller's, as a client library's API does (the caller closes the wrapper). Look-alikes that stay reported: the
 * response dropped on an early return, and a call whose result is the function's only (error) result.
 */
class GoResponseHandedOnTest {

    private static final String RULE = "go-response-body-not-closed";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void responses_returned_inside_a_built_value_are_handed_on() {
        String code = """
                package fetch

                func (c *Client) Get(ctx context.Context, url string) (*Reply, error) {
                \treq, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tresp, err := c.http.Do(req)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn buildReply(resp), nil
                }

                func (c *Client) Stream(ctx context.Context, url string) (*Stream, int, error) {
                \tresp, err := c.http.Get(url)
                \tif err != nil {
                \t\treturn nil, 0, err
                \t}
                \treturn toStream(resp, c.limit), resp.StatusCode, nil
                }
                """;
        assertEquals(List.of(), found("fetch/client.go", code));
    }

    @Test
    void responses_dropped_on_a_path_stay_reported() {
        String code = """
                package fetch

                func (c *Client) Get(ctx context.Context, url string) (*Reply, error) {
                \tresp, err := c.http.Get(url)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tif resp.StatusCode != http.StatusOK {
                \t\treturn nil, fmt.Errorf("get %s: %s", url, resp.Status)
                \t}
                \treturn buildReply(resp), nil
                }
                """;
        assertEquals(List.of("4:" + RULE), found("fetch/client.go", code));
    }
}
