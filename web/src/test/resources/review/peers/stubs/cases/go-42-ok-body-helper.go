// What the case assumes from the rest of its package, declared for the peers comparison.
package fastly

import (
	"net/http"
)

type Client struct {
	HTTPClient *http.Client
}
