package corpus

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// TestInOrder checks results come in index order whatever the scheduling,
// that the weight in flight stays within the budget, and that an item
// heavier than the whole budget still goes through alone.
func TestInOrder(t *testing.T) {
	weights := []int64{5, 1, 1, 30, 2, 9, 1, 1, 1, 100, 3, 4}
	const budget = 10
	var inFlight, most atomic.Int64
	var got []int
	err := inOrder(context.Background(), 3, 4, budget,
		func(submit func(int64, func() int) error) error {
			for i, w := range weights {
				err := submit(w, func() int {
					now := inFlight.Add(min(w, budget))
					for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
					}
					time.Sleep(time.Duration(len(weights)-i) * time.Millisecond) // early items finish last
					return i
				})
				if err != nil {
					return err
				}
			}
			return nil
		},
		func(i int) error {
			inFlight.Add(-min(weights[i], budget))
			got = append(got, i)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if g != i {
			t.Fatalf("results came in order %v", got)
		}
	}
	if len(got) != len(weights) {
		t.Fatalf("%d results, want %d", len(got), len(weights))
	}
	if most.Load() > budget {
		t.Errorf("%d in flight, over the budget of %d", most.Load(), budget)
	}
}

func TestInOrderStopsOnError(t *testing.T) {
	stop := errors.New("stop")
	var done atomic.Int64
	err := inOrder(context.Background(), 2, 4, 8,
		func(submit func(int64, func() int) error) error {
			for i := range 1000 {
				if err := submit(1, func() int { done.Add(1); return i }); err != nil {
					return err
				}
			}
			return nil
		},
		func(i int) error {
			if i == 3 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want stop", err)
	}
	if done.Load() > 20 {
		t.Errorf("%d items worked after an error at the 4th", done.Load())
	}
}
