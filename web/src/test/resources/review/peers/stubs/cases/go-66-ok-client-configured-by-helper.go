// What the case assumes from the rest of its package, declared for the peers comparison.
package tequilapi

import (
	"net/http"
	"time"
)

type Option func(*http.Client)

func applyOptions(hc *http.Client, opts []Option) {
	hc.Timeout = 30 * time.Second
	for _, o := range opts {
		o(hc)
	}
}
