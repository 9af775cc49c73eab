// What the case assumes from the rest of its package, declared for the peers comparison.
package store

import (
	"database/sql"
	"time"
)

type Store struct {
	db *sql.DB
}

type Event struct {
	Kind string
	At   time.Time
}
