package store

import (
	"context"
	"os"
	"time"
)

func Load(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	cancel()
	f, err := os.Open(name)
	defer f.Close()
	if err != nil {
		return err
	}
	return nil
}
