// What the case assumes from the rest of its package, declared for the peers comparison.
package channel

import (
	"net"
)

type Connection struct {
	conn net.Conn
}

type Channel struct{}

func (ch *Channel) newOutbound(conn net.Conn) *Connection { return &Connection{conn: conn} }
