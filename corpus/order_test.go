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
	err := inOrder(context.Background(), len(weights), 3, 4,
		func(i int) int64 { return weights[i] }, budget,
		func(i int) int {
			w := min(weights[i], budget)
			now := inFlight.Add(w)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			time.Sleep(time.Duration(len(weights)-i) * time.Millisecond) // early items finish last
			return i
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
	err := inOrder(context.Background(), 1000, 2, 4, func(int) int64 { return 1 }, 8,
		func(i int) int { done.Add(1); return i },
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
