// What the case assumes from the rest of its package, declared for the peers comparison.
package pathdb

import (
	"database/sql"
)

type Backend struct {
	db *sql.DB
}

type Segment struct {
	ID   string
	Data []byte
}
