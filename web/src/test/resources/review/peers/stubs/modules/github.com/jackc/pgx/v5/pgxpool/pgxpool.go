// Package pgxpool is a stand-in for github.com/jackc/pgx/v5/pgxpool with the declarations the corpus uses.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

// Pool is a connection pool.
type Pool struct{}

// Conn is a connection taken from a pool; Release gives it back.
type Conn struct{}

// Acquire takes a connection from the pool.
func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{}, nil }

// Release returns the connection to its pool.
func (c *Conn) Release() {}

// Exec runs a statement.
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
