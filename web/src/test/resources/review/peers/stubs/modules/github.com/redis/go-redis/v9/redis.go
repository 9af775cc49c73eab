// Package redis is a stand-in for github.com/redis/go-redis/v9 with the declarations the review corpus uses.
package redis

import "context"

// Options configures a client.
type Options struct {
	Addr     string
	DB       int
	PoolSize int
}

// Client is a pooled client.
type Client struct{}

// StringCmd is the result of a command returning a string.
type StringCmd struct{}

// NewClient builds a client and its pool.
func NewClient(opt *Options) *Client { return &Client{} }

// Close closes the pool.
func (c *Client) Close() error { return nil }

// Get reads a key.
func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

// Result returns the value and the error of the command.
func (cmd *StringCmd) Result() (string, error) { return "", nil }
