// What the case assumes from the rest of its package, declared for the peers comparison.
package mysql

const insertSubtreeSQL = "INSERT INTO subtree VALUES (?, ?)"

type node struct {
	id   []byte
	blob []byte
}

type treeTX struct{}
