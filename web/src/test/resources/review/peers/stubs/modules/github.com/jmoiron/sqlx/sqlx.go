// Package sqlx is a stand-in for github.com/jmoiron/sqlx with the few declarations the review corpus uses, so
// go vet and staticcheck can type-check the cases offline. The bodies do nothing.
package sqlx

import (
	"context"
	"database/sql"
)

// DB wraps a database handle; the embedded *sql.DB gives it the standard methods.
type DB struct {
	*sql.DB
}

// Tx wraps a transaction; the embedded *sql.Tx gives it Commit, Rollback and the Exec/Query methods.
type Tx struct {
	*sql.Tx
}

// Rows wraps a result set.
type Rows struct {
	*sql.Rows
}

// Connect opens a database and pings it.
func Connect(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

// Open opens a database without connecting.
func Open(driverName, dataSourceName string) (*DB, error) { return &DB{}, nil }

// Beginx starts a transaction.
func (db *DB) Beginx() (*Tx, error) { return &Tx{}, nil }

// BeginTxx starts a transaction with options.
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) { return &Tx{}, nil }

// QueryxContext runs a query returning rows.
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return &Rows{}, nil
}

// Queryx runs a query returning rows.
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) { return &Rows{}, nil }

// StructScan scans the current row into a struct.
func (r *Rows) StructScan(dest interface{}) error { return nil }
