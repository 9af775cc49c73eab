// What the case assumes from the rest of its package, declared for the peers comparison.
package ipam

import (
	"github.com/jmoiron/sqlx"
)

type sqlStorage struct {
	db *sqlx.DB
}

type Prefix struct {
	Cidr string
}

func (p Prefix) toJSON() string { return p.Cidr }
