package neardup

import (
	"fmt"
	"strings"
	"testing"
)

// TestWindowZero: a window of 0 compares each record with all before it,
// however many came between.
func TestWindowZero(t *testing.T) {
	story := Sign(strings.Join(runOfWords("story", 100), " "))
	x := NewIndex(0)
	x.Add("original", story)
	for i := range 2 * 1000 {
		x.Add(fmt.Sprint("other ", i), Sign(strings.Join(runOfWords(fmt.Sprintf("o%dw", i), 20), " ")))
	}
	if got := x.Add("copy", story); got != "original" {
		t.Errorf("copy after 2000 records with window 0: duplicate of %q, want original", got)
	}
}
