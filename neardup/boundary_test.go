package neardup

import (
	"fmt"
	"strings"
	"testing"
)

// runOfWords is prefix0 prefix1 … prefix<n-1>: words that share no shingle
// with another prefix's.
func runOfWords(prefix string, n int) []string {
	var w []string
	for i := range n {
		w = append(w, fmt.Sprintf("%s%d", prefix, i))
	}
	return w
}

// TestThresholdBoundary pins where the index draws the line: of two
// 200-word texts sharing their first k words, it links those whose shingle
// Jaccard is 0.53 and leaves those at 0.32 apart, as the 0.4 threshold
// README documents. Sharing 120 words, the signatures agree in 26 of 64
// hashes (0.406), and are linked; sharing 119, in 25 (0.391), and are not:
// a threshold moved by a hash either way fails one of the two.
func TestThresholdBoundary(t *testing.T) {
	if Threshold != 0.4 {
		t.Errorf("Threshold is %v; README and neardup/testdata/signatures.golden document 0.4", Threshold)
	}
	text := runOfWords("w", 200)
	for _, tc := range []struct {
		shared int
		linked bool
	}{{100, false}, {119, false}, {120, true}, {140, true}} {
		copyOf := strings.Join(append(append([]string{}, text[:tc.shared]...), runOfWords("x", 200-tc.shared)...), " ")
		j := jaccard(strings.Join(text, " "), copyOf)
		x := NewIndex(DefaultWindow)
		x.Add("text", Sign(strings.Join(text, " ")))
		if got := x.Add("copy", Sign(copyOf)) == "text"; got != tc.linked {
			t.Errorf("texts sharing %d of 200 words (Jaccard %.2f, estimated %.2f): linked %v, want %v",
				tc.shared, j, Similarity(Sign(strings.Join(text, " ")), Sign(copyOf)), got, tc.linked)
		}
	}
}
