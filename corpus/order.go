package corpus

import (
	"context"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// inOrder runs work(i) for i in [0, n) on up to workers goroutines and hands
// the results to emit in index order, so output never depends on scheduling.
// Memory is bounded whatever n is: at most window items are in flight, and
// items of at most budget in weight (a file's size), though always one. A
// small window would leave workers idle behind a large file the writer
// waits for; the budget keeps a larger window safe for large files.
func inOrder[T any](ctx context.Context, n, workers, window int, weight func(int) int64, budget int64,
	work func(int) T, emit func(T) error) error {
	type slot struct {
		result chan T
		weight int64
	}
	slots := make(chan slot, window)
	inFlight := semaphore.NewWeighted(budget)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(slots)
		pool := new(errgroup.Group)
		pool.SetLimit(workers)
		defer pool.Wait()
		for i := range n {
			s := slot{result: make(chan T, 1), weight: min(weight(i), budget)}
			if err := inFlight.Acquire(ctx, s.weight); err != nil {
				return err
			}
			select {
			case slots <- s:
			case <-ctx.Done():
				return ctx.Err()
			}
			pool.Go(func() error {
				s.result <- work(i)
				return nil
			})
		}
		return nil
	})
	g.Go(func() error {
		for s := range slots {
			select {
			case r := <-s.result:
				err := emit(r)
				inFlight.Release(s.weight)
				if err != nil {
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
