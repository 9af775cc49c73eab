// What the case assumes from the rest of its package, declared for the peers comparison.
package config

import (
	"errors"
)

type ServerSettings struct {
	Endpoint string
}

var errMissingEndpoint = errors.New("missing endpoint")
