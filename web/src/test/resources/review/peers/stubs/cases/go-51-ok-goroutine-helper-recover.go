// What the case assumes from the rest of its package, declared for the peers comparison.
package octollm

type logger interface {
	Error(msg string, args ...any)
}

type Stream struct {
	upstream chan []byte
	out      chan []byte
	log      logger
}
