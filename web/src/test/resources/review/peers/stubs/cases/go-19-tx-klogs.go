// What the case assumes from the rest of its package, declared for the peers comparison.
package klogs

import (
	"database/sql"
	"time"
)

type Client struct {
	conn *sql.DB
}

type Row struct {
	TS   time.Time
	Line string
}
