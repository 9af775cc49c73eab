// What the case assumes from the rest of its package, declared for the peers comparison.
package worker

import (
	"context"
)

type Container struct{}

type containers interface {
	GetContainer(ctx context.Context, handle string) (Container, error)
}

type Backend struct {
	client containers
}

func (b *Backend) destroy(ctx context.Context, c Container) {}
