// What the case assumes from the rest of its package, declared for the peers comparison.
package notion

import (
	"net/http"
)

type Client struct {
	httpClient *http.Client
}

type Error struct {
	Message string
}

func (e *Error) Error() string { return e.Message }
