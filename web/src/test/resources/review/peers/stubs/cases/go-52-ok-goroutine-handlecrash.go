// What the case assumes from the rest of its package, declared for the peers comparison.
package controller

type Event struct{}

type Controller struct{}

func (c *Controller) handle(e Event) {}

// runtimeutil stands for k8s.io/apimachinery/pkg/util/runtime, whose HandleCrash recovers.
var runtimeutil = struct {
	HandleCrash   func(...func(interface{}))
	PanicHandlers []func(interface{})
}{HandleCrash: func(h ...func(interface{})) {
	if r := recover(); r != nil {
		for _, f := range h {
			f(r)
		}
	}
}}
