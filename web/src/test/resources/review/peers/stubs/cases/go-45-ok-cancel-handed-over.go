// What the case assumes from the rest of its package, declared for the peers comparison.
package worker

import (
	"context"
	"time"
)

type Backend struct {
	requestTimeout time.Duration
	trace          bool
}

func withTrace(ctx context.Context) context.Context { return ctx }
