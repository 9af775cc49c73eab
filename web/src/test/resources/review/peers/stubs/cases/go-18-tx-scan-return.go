// What the case assumes from the rest of its package, declared for the peers comparison.
package symbols

import (
	"database/sql"
)

type Store struct {
	db *sql.DB
}

type Symbol struct {
	Name string
}
