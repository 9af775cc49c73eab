// What the case assumes from the rest of its package, declared for the peers comparison.
package jobs

import (
	"context"
)

type Sweeper struct{}

func (s *Sweeper) loop(ctx context.Context)                     {}
func (s *Sweeper) recoverPanic()                                 { recover() }
func (s *Sweeper) audit(ctx context.Context, id string)          {}
func (s *Sweeper) release(ctx context.Context, id string)        {}
func (s *Sweeper) process(ctx context.Context, id string) error { return nil }
