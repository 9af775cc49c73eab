// What the case assumes from the rest of its package, declared for the peers comparison.
package jwk

import (
	"context"
	"sync"
)

type Set struct{}

type fetcher interface {
	Fetch(ctx context.Context, url string) (*Set, error)
}

type Refresher struct {
	fetcher fetcher
	cache   sync.Map
}
