package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, the class of a go-redis reply read with its error dropped (round 15's go-33): {@code v, _ :=
 * rdb.HGet(ctx, key, field).Bytes()} or {@code .Result()}. When the command fails or the key is missing (go-redis
 * reports a miss as the error {@code redis.Nil}) the value is zero, and the code decodes or returns it as if it had
 * been stored: the item's {@code x, _ :=} on a call that returns an error, a failure turned into bad data far from
 * its cause. Look-alikes: the error checked (a miss told from an outage), the command's {@code Val()}, which returns
 * the value alone, and a library call of the same shape whose first argument is no context (not a go-redis command).
 */
class GoRedisReplyErrorTest {

    private static String session(String read, String after) {
        return GoRound8ClassesTest.file("session/store.go", """
                import (
                	"context"
                	"encoding/json"
                	"errors"

                	"github.com/redis/go-redis/v9"
                )

                var ErrNoSession = errors.New("no session")

                // Load reads the session of a token.
                func (s *Store) Load(ctx context.Context, token string) (*Session, error) {
                	%s
                %s
                	var sess Session
                	if err := json.Unmarshal(raw, &sess); err != nil {
                		return nil, err
                	}
                	return &sess, nil
                }
                """.formatted(read, after));
    }

    private static List<String> err01(String read, String after) {
        return GoRound8ClassesTest.item(session(read, after), "ERR-01");
    }

    @Test
    void a_reply_read_with_its_error_dropped_is_found() {
        assertEquals(List.of("15:go-redis-reply-error-discarded"),
                err01("raw, _ := s.rdb.HGet(ctx, \"sessions\", token).Bytes()", ""));
    }

    @Test
    void a_result_read_with_its_error_dropped_is_found() {
        assertEquals(List.of("15:go-redis-reply-error-discarded"),
                err01("raw, _ := s.rdb.Get(ctx, \"session:\"+token).Result()", ""));
    }

    @Test
    void a_reply_whose_error_is_checked_is_clean() {
        assertEquals(List.of(), err01("raw, err := s.rdb.HGet(ctx, \"sessions\", token).Bytes()", """
                	if errors.Is(err, redis.Nil) {
                		return nil, ErrNoSession
                	}
                	if err != nil {
                		return nil, err
                	}"""));
    }

    @Test
    void a_value_only_accessor_is_clean() {
        assertEquals(List.of(), err01("raw := []byte(s.rdb.HGet(ctx, \"sessions\", token).Val())", ""));
    }

    @Test
    void the_same_shape_without_a_context_argument_is_clean() {
        assertEquals(List.of(), err01("raw, _ := s.codec.Encode(token).Bytes()", ""));
    }
}
