package language

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDetectLongTexts: a text of many more words than sampleWords is told
// from words of its start, middle and end, whatever its length.
func TestDetectLongTexts(t *testing.T) {
	d := NewDetector()
	for _, s := range sentences {
		if s.code != "en" && s.code != "ru" && s.code != "hy" {
			continue
		}
		for _, n := range []int{3, 4, 7} {
			text := strings.TrimSpace(strings.Repeat(s.text+" ", n))
			if got, conf := d.Detect(text); got != s.code || conf <= 0 || conf > 1 {
				t.Errorf("Detect(%d times %q) = %s %.4f, want %s", n, s.text, got, conf, s.code)
			}
		}
	}
}

// TestSampleKeepsStartMiddleAndEnd: a long text's sample is a third of
// sampleWords from each of its start, middle and end, in order.
func TestSampleKeepsStartMiddleAndEnd(t *testing.T) {
	var words []string
	for i := range 100 {
		words = append(words, "w"+strconv.Itoa(i))
	}
	got, total := sample(strings.Join(words, " "))
	if total != 100 || len(got) != sampleWords {
		t.Fatalf("sample of 100 words: %d words of %d", len(got), total)
	}
	third := sampleWords / 3
	// The middle third is centred on word 50.
	want := slices.Concat(words[:third], words[50-third/2:50-third/2+third], words[100-third:])
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sample = %q, want %q", got, want)
	}
}
