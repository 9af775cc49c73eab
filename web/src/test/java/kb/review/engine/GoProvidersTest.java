package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Go provider that returns a freshly dialled gRPC connection is one-time only when its callers are: a handler that
 * calls it on every request dials per request; a constructor or a lazy cache that keeps the result does not.
 */
class GoProvidersTest {

    private static final String SERVER = """
            package svc

            type Server struct {
            	addr string
            	conn *grpc.ClientConn
            }

            func (s *Server) client() (*grpc.ClientConn, error) {
            	return grpc.NewClient(s.addr)
            }

            %s
            """;

    @Test
    void a_handler_that_calls_the_provider_on_every_request_dials_per_request() {
        // at the unexported provider's per-call call (session 45: where the blind rounds label it)
        assertEquals(List.of("13:RES-04"), GoMissedClassesTest.items("svc/server.go", SERVER.formatted("""
                func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
                	conn, err := s.client()
                	if err != nil {
                		return
                	}
                	defer conn.Close()
                	pb.NewUsersClient(conn).Get(r.Context(), &pb.Req{})
                }""")));
    }

    @Test
    void a_provider_whose_callers_keep_the_connection_is_built_once() {
        assertEquals(List.of(), GoMissedClassesTest.items("svc/server.go", SERVER.formatted("""
                func NewServer(addr string) (*Server, error) {
                	s := &Server{addr: addr}
                	c, err := s.client()
                	if err != nil {
                		return nil, err
                	}
                	s.conn = c
                	return s, nil
                }

                func (s *Server) ensure() error {
                	var err error
                	if s.conn == nil {
                		s.conn, err = s.client()
                	}
                	return err
                }""")));
    }

    @Test
    void a_handler_that_only_passes_the_connection_to_what_it_returns_still_dials_per_request() {
        // at the unexported provider's per-call call (session 45: where the blind rounds label it)
        assertEquals(List.of("13:RES-04"), GoMissedClassesTest.items("svc/server.go", SERVER.formatted("""
                func (s *Server) Read(req *pb.ReadRequest) error {
                	conn, err := s.client()
                	if err != nil {
                		return err
                	}
                	defer conn.Close()
                	return relay(pb.NewByteStreamClient(conn), req)
                }""")));
    }
}
