// What the case assumes from the rest of its package, declared for the peers comparison.
package core

import (
	"log"
)

type Engine struct {
	log   *log.Logger
	queue chan string
}

func (e *Engine) process(m string) {}
