// What the case assumes from the rest of its package, declared for the peers comparison.
package flex

func toMap(cols []string, vals []interface{}) map[string]interface{} {
	m := make(map[string]interface{}, len(cols))
	for i, c := range cols {
		m[c] = vals[i]
	}
	return m
}
