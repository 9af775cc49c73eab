// What the case assumes from the rest of its package, declared for the peers comparison.
package openai

import (
	"net/http"
)

type Client struct {
	hc *http.Client
}
