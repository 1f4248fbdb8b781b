package corpus

import (
	"context"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// inOrder runs the work that produce submits on up to workers goroutines and
// hands the results to emit in the order of submission, so output never
// depends on scheduling. Memory is bounded however much is submitted: at most
// window items are in flight, and items of at most budget in weight (the
// bytes a capture holds), though always one. A small window would leave
// workers idle behind a large item the writer waits for; the budget keeps a
// larger window safe for large items.
//
// produce runs on one goroutine, so what it reads (input files, one after
// another) is read in order; submit blocks while the window or the budget
// is full, and fails once the context is done or emit has failed.
func inOrder[T any](ctx context.Context, workers, window int, budget int64,
	produce func(submit func(weight int64, work func() T) error) error, emit func(T) error) error {
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
		return produce(func(weight int64, work func() T) error {
			s := slot{result: make(chan T, 1), weight: min(max(weight, 1), budget)}
			if err := inFlight.Acquire(ctx, s.weight); err != nil {
				return err
			}
			select {
			case slots <- s:
			case <-ctx.Done():
				inFlight.Release(s.weight)
				return ctx.Err()
			}
			pool.Go(func() error {
				s.result <- work()
				return nil
			})
			return nil
		})
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
