// What the case assumes from the rest of its package, declared for the peers comparison.
package apiclient

import (
	"go.uber.org/zap"
)

type Decision struct {
	Type  string
	Value string
}

type decisionStore interface {
	Put(d Decision) bool
}

type Client struct {
	logger *zap.SugaredLogger
	store  decisionStore
}
