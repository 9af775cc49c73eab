// What the case assumes from the rest of its package, declared for the peers comparison.
package main

import (
	"database/sql"
)

type config struct {
	DSN string
}

func loadConfig() config { return config{} }

type cache struct{ db *sql.DB }

type fetcher struct{ db *sql.DB }

func newCache(db *sql.DB) *cache { return &cache{db} }

func newFetcher(db *sql.DB) *fetcher { return &fetcher{db} }

func serve(c *cache, f *fetcher) {}
