// What the case assumes from the rest of its package, declared for the peers comparison.
package mcp

import (
	"bufio"
)

type ioTransport struct {
	r        *bufio.Reader
	incoming chan []byte
}
