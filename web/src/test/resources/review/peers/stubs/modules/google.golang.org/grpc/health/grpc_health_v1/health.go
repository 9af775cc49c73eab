// Package grpc_health_v1 is a stand-in for the generated health-check client.
package grpc_health_v1

import (
	"context"

	"google.golang.org/grpc"
)

// HealthCheckRequest asks about one service.
type HealthCheckRequest struct {
	Service string
}

// HealthCheckResponse_ServingStatus is the state a service reports.
type HealthCheckResponse_ServingStatus int32

// HealthCheckResponse_SERVING says the service is serving.
const HealthCheckResponse_SERVING HealthCheckResponse_ServingStatus = 1

// HealthCheckResponse carries the state.
type HealthCheckResponse struct {
	Status HealthCheckResponse_ServingStatus
}

// HealthClient is the generated client.
type HealthClient interface {
	Check(ctx context.Context, in *HealthCheckRequest, opts ...grpc.CallOption) (*HealthCheckResponse, error)
}

type healthClient struct {
	cc grpc.ClientConnInterface
}

// NewHealthClient wraps a connection.
func NewHealthClient(cc grpc.ClientConnInterface) HealthClient { return &healthClient{cc} }

func (c *healthClient) Check(ctx context.Context, in *HealthCheckRequest,
	opts ...grpc.CallOption) (*HealthCheckResponse, error) {
	out := new(HealthCheckResponse)
	return out, c.cc.Invoke(ctx, "/grpc.health.v1.Health/Check", in, out, opts...)
}
