// What the case assumes from the rest of its package, declared for the peers comparison.
package controller

type Event struct{}

type Controller struct{}

func (c *Controller) handle(e Event) {}
