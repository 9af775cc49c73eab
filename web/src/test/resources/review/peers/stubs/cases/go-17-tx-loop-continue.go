// What the case assumes from the rest of its package, declared for the peers comparison.
package pomu

type Video struct {
	ID string
}
