// Package pgconn is a stand-in for the pgx low-level package: only the command tag the corpus receives.
package pgconn

// CommandTag is the status a statement returns.
type CommandTag struct{}
