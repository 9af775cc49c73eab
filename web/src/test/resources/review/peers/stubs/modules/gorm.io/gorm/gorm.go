// Package gorm is a stand-in for gorm.io/gorm with the declarations the review corpus uses.
package gorm

import "database/sql"

// DB is a session; Error holds the last operation's error.
type DB struct {
	Error error
}

// Begin starts a transaction session.
func (db *DB) Begin(opts ...*sql.TxOptions) *DB { return db }

// Create inserts a value.
func (db *DB) Create(value interface{}) *DB { return db }

// Commit commits the transaction.
func (db *DB) Commit() *DB { return db }

// Rollback rolls the transaction back.
func (db *DB) Rollback() *DB { return db }
