// What the case assumes from the rest of its package, declared for the peers comparison.
package sink

import (
	"os"
)

type fileSink struct {
	mode  os.FileMode
	owner int
	group int
}
