package corpus

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// inOrder runs work(i) for i in [0, n) on up to workers goroutines and hands
// the results to emit in index order, so output never depends on scheduling.
// At most window results are in flight, which bounds memory whatever n is.
func inOrder[T any](ctx context.Context, n, workers, window int, work func(int) T, emit func(T) error) error {
	slots := make(chan chan T, window)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(slots)
		pool := new(errgroup.Group)
		pool.SetLimit(workers)
		defer pool.Wait()
		for i := range n {
			slot := make(chan T, 1)
			select {
			case slots <- slot:
			case <-ctx.Done():
				return ctx.Err()
			}
			pool.Go(func() error {
				slot <- work(i)
				return nil
			})
		}
		return nil
	})
	g.Go(func() error {
		for slot := range slots {
			select {
			case r := <-slot:
				if err := emit(r); err != nil {
					return err
				}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	return g.Wait()
}
