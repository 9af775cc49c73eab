// What the case assumes from the rest of its package, declared for the peers comparison.
package datadog

import (
	"net/http"
)

type Client struct {
	HTTPClient *http.Client
}
