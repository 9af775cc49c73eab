// What the case assumes from the rest of its package, declared for the peers comparison.
package core

import (
	"errors"
	"os"
)

type File struct {
	underlying *os.File
	size       int64
}

var ErrFileRequired = errors.New("a file is required")
