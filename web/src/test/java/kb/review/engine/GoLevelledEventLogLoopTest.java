package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's Go class of per-element detail written as a levelled event at debug or trace (precision set 15's class AY,
 * Go rows): {@code log.Debug().Str("id", id).Msg("...")} and the like return no event when the level is off, and the
 * field and message calls on it return at once, so the line costs one level test per element. The item's own remedy
 * is "Per-element detail goes to debug level, guarded so it costs nothing when off". The defects: the same chain at
 * info or warn (written in production), a debug chain whose arguments format or serialise on every element, and a
 * levelled call that takes its arguments directly ({@code Debugf}), whose arguments are boxed per call (earlier sets
 * judged a per-frame {@code Debugf} true).
 */
class GoLevelledEventLogLoopTest {

    private static String file(String line) {
        return """
                package feed

                import (
                	"encoding/json"
                	"fmt"
                	"strings"

                	"github.com/rs/zerolog/log"
                )

                type Store struct{}

                func (s *Store) Apply(items []Item) {
                	for _, it := range items {
                		%s
                		s.put(it)
                	}
                }
                """.formatted(line);
    }

    private static List<String> log01(String line) {
        return GoRound8ClassesTest.item(LifecycleRulesTest.newFile("feed/store.go", file(line)), "LOG-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "log.Debug().Str(\"id\", it.ID).Int(\"size\", it.Size).Msg(\"applying item\")",
            "log.Trace().Msgf(\"applying %s\", it.ID)",
            "logger.Debug().Msg(\"applying item\")",
            "log.Debug().Interface(\"item\", it).Send()"})
    void a_debug_or_trace_event_per_element_is_clean(String line) {
        assertEquals(List.of(), log01(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "log.Info().Str(\"id\", it.ID).Msg(\"applying item\")",
            "log.Debug().Msg(fmt.Sprintf(\"applying %+v\", it))",
            "log.Debug().Str(\"tags\", strings.Join(it.Tags, \",\")).Msg(\"applying item\")",
            "logger.Warn().Msgf(\"applying %s\", it.ID)"})
    void an_event_written_or_built_per_element_is_found(String line) {
        assertEquals(1, log01(line).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b, _ := json.Marshal(it); log.Debug().Bytes(\"raw\", b).Msg(\"item\")"})
    void a_serialised_value_outside_the_chain_is_not_the_events_cost_and_is_left_to_other_items(String line) {
        assertEquals(List.of(), log01(line));
    }
}
