// What the case assumes from the rest of its package, declared for the peers comparison.
package session

type Store struct {
	addr string
}
