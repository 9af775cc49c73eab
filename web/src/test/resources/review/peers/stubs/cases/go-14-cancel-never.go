// What the case assumes from the rest of its package, declared for the peers comparison.
package chainstore

import (
	"context"
	"time"
)

type Chain struct {
	timeout time.Duration
}

func (c *Chain) get(ctx context.Context, key string) ([]byte, error) { return nil, nil }
