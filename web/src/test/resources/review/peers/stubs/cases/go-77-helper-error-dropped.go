// What the case assumes from the rest of its package, declared for the peers comparison.
package db

type ClusterTx struct{}
