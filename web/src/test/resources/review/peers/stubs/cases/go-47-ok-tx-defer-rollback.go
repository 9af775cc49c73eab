// What the case assumes from the rest of its package, declared for the peers comparison.
package ipam

import (
	"github.com/jmoiron/sqlx"
)

type sqlStorage struct {
	db *sqlx.DB
}
