// What the case assumes from the rest of its package, declared for the peers comparison.
package market

type Server struct {
	dsn string
}
