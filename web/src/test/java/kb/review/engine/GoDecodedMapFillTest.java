package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's Go fill-on-miss rule (a plain map field filled by an exported method with no lock: a cache every caller
 * goroutine shares) and its clean look-alike of set 13's HA rows: a decoder ({@code UnmarshalYAML}) filling the map
 * of the value it is decoding. That value is still being built by the one goroutine that parses it, so nothing is
 * shared yet and the item has nothing to guard; the same fill in an ordinary exported method stays reported.
 */
class GoDecodedMapFillTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A decoder that fills the labels of the value it decodes: nobody else holds the value yet. */
    @Test
    void a_yaml_decoder_filling_its_own_map_on_a_miss_is_clean() {
        String diff = """
                diff --git a/config/receiver.go b/config/receiver.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/config/receiver.go
                @@ -0,0 +1,22 @@
                +package config
                +
                +type Target struct {
                +	Name   string            `yaml:"name"`
                +	Labels map[string]string `yaml:"labels"`
                +}
                +
                +func (t *Target) UnmarshalYAML(unmarshal func(any) error) error {
                +	type plain Target
                +	if err := unmarshal((*plain)(t)); err != nil {
                +		return err
                +	}
                +	if t.Labels == nil {
                +		t.Labels = map[string]string{}
                +	}
                +	if _, ok := t.Labels["target"]; ok {
                +		return nil
                +	}
                +	t.Labels["target"] = t.Name
                +	return nil
                +}
                +
                """;
        assertEquals(List.of(), of(diff));
    }

    /** The same fill-on-miss in an ordinary exported method of a shared value is still the cache rule's. */
    @Test
    void the_same_fill_on_miss_in_an_exported_method_is_still_found() {
        String diff = """
                diff --git a/config/registry.go b/config/registry.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/config/registry.go
                @@ -0,0 +1,17 @@
                +package config
                +
                +type Registry struct {
                +	byName map[string]*Target
                +}
                +
                +func (r *Registry) Lookup(name string) *Target {
                +	if t, ok := r.byName[name]; ok {
                +		return t
                +	}
                +	t := &Target{Name: name}
                +	r.byName[name] = t
                +	return t
                +}
                +
                +
                +
                """;
        assertEquals(List.of("12:go-cache-map-field-filled-unlocked"), of(diff));
    }
}
