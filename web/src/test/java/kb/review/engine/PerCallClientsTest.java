package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that own connections, built per call: inside another literal, and from gorm. */
class PerCallClientsTest {

    private static List<String> perCall(String code) {
        return TestRules.reviewDiff(LifecycleRulesTest.newFile("svc/client.go", code)).active().stream()
                .filter(f -> f.item().equals("RES-04")).map(f -> f.line() + ":" + f.rule()).toList();
    }

    @Test
    void a_transport_written_inside_a_local_clients_literal_is_built_per_call() {
        assertEquals(List.of("4:go-client-per-call"), perCall("""
                package svc

                func Post(url string, body []byte) error {
                \tc := &http.Client{Timeout: time.Second, Transport: &http.Transport{MaxIdleConns: 4}}
                \tresp, err := c.Post(url, "application/json", bytes.NewReader(body))
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn resp.Body.Close()
                }
                """));
    }

    @Test
    void a_transport_inside_a_literal_the_function_returns_is_kept_by_the_caller() {
        assertEquals(List.of(), perCall("""
                package svc

                func NewNotifier(url string) *Notifier {
                \treturn &Notifier{url: url, http: &http.Client{Timeout: time.Second, Transport: &http.Transport{}}}
                }
                """));
    }

    @Test
    void a_gorm_pool_opened_per_call_is_reported_and_once_in_main_is_not() {
        assertEquals(List.of("4:go-client-per-call"), perCall("""
                package svc

                func Profile(dsn string, id int) (User, error) {
                \tdb, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
                \tif err != nil {
                \t\treturn User{}, err
                \t}
                \tvar u User
                \treturn u, db.First(&u, id).Error
                }

                func main() {
                \tdb, err := gorm.Open(postgres.Open(os.Getenv("DSN")), &gorm.Config{})
                \tif err != nil {
                \t\tlog.Fatal(err)
                \t}
                \tserve(db)
                }
                """));
    }
}
