// What the case assumes from the rest of its package, declared for the peers comparison.
package hcloud

import (
	"errors"
	"net/http"
)

type Client struct {
	httpClient *http.Client
}

type Response struct {
	*http.Response
}

func errorFromBody(b []byte) error { return errors.New(string(b)) }
