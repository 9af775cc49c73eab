// What the case assumes from the rest of its package, declared for the peers comparison.
package statediff

import (
	"gorm.io/gorm"
)

type Writer struct {
	db *gorm.DB
}

type Node struct {
	ID string
}
