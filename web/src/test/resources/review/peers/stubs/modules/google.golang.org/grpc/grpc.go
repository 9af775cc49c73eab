// Package grpc is a stand-in for google.golang.org/grpc with the declarations the review corpus uses.
package grpc

import "context"

// DialOption configures a dial.
type DialOption interface{}

// CallOption configures a call.
type CallOption interface{}

// ClientConnInterface is what generated clients call through.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args interface{}, reply interface{}, opts ...CallOption) error
}

// ClientConn is a client connection; Close releases it.
type ClientConn struct{}

// DialContext opens a client connection.
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}

// WithInsecure turns transport security off.
func WithInsecure() DialOption { return nil }

// Invoke performs a unary call.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args interface{}, reply interface{},
	opts ...CallOption) error {
	return nil
}

// Close releases the connection.
func (cc *ClientConn) Close() error { return nil }
