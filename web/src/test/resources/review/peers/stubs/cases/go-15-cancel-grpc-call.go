// What the case assumes from the rest of its package, declared for the peers comparison.
package interop

import (
	"context"
)

type Request struct{}

type FullDuplexStream interface {
	Send(*Request) error
}

type TestServiceClient interface {
	FullDuplexCall(ctx context.Context) (FullDuplexStream, error)
}
