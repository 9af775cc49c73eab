// What the case assumes from the rest of its package, declared for the peers comparison.
package dnscrypt

type dnsHandler interface {
	ServeDNS(pkt []byte) []byte
}

type Server struct {
	Handler dnsHandler
}
