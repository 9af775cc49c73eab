// What the case assumes from the rest of its package, declared for the peers comparison.
package repo

const insertMetadataSQL = "INSERT INTO metadata VALUES ($1, $2) RETURNING id"

type Metadata struct {
	Contract string
	TokenID  string
}

type NFTMetadataRepository struct{}
