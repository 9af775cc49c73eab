// What the case assumes from the rest of its package, declared for the peers comparison.
package pgx

import (
	"context"
)

type Conn struct{}

func (c *Conn) Ping(ctx context.Context) error { return nil }
