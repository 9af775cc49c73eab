// What the case assumes from the rest of its package, declared for the peers comparison.
package athens

import (
	"context"
	"time"
)

type cache interface {
	Get(key string) ([]byte, bool)
}

type storage interface {
	Info(ctx context.Context, mod, ver string) ([]byte, error)
}

type downloader struct {
	timeout time.Duration
	cache   cache
	storage storage
}
