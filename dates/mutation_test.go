package dates

import (
	"testing"
	"time"
)

// TestSolarHijriRange: over every year the arithmetic holds for, 1178–1633
// AP, consecutive days convert to consecutive days — so each year's Esfand
// has 30 days exactly when the next Nowruz is a day later — Nowruz falls
// on March 19–22, and the years beyond are refused.
func TestSolarHijriRange(t *testing.T) {
	prev, ok := fromSolar(1178, 1, 1)
	if !ok {
		t.Fatal("fromSolar(1178, 1, 1) refused, the first year the arithmetic holds for")
	}
	for y := 1178; y <= 1633; y++ {
		nowruz, _ := fromSolar(y, 1, 1)
		if nowruz.Month() != time.March || nowruz.Day() < 19 || nowruz.Day() > 22 {
			t.Errorf("Nowruz %d is %s", y, nowruz.Format(time.DateOnly))
		}
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				got, ok := fromSolar(y, m, d)
				if !ok || got.Equal(prev) {
					continue
				}
				if got.Sub(prev) != 24*time.Hour {
					t.Fatalf("fromSolar(%d, %d, %d) = %s follows %s", y, m, d, got.Format(time.DateOnly), prev.Format(time.DateOnly))
				}
				prev = got
			}
		}
	}
	if _, ok := fromSolar(1633, 12, 29); !ok {
		t.Error("fromSolar(1633, 12, 29) refused, in the last year the arithmetic holds for")
	}
	for _, c := range [][3]int{{1177, 12, 29}, {1634, 1, 1}, {1404, 0, 1}} {
		if got, ok := fromSolar(c[0], c[1], c[2]); ok {
			t.Errorf("fromSolar(%v) = %s, want no date", c, got.Format(time.DateOnly))
		}
	}
}

// TestParseBounds: the first and last years of the rules — dates from 1900
// to 2200, two-digit years from 69 as 1969 and below as 20xx, numeric dates
// of years 1300–1439 as Solar Hijri.
func TestParseBounds(t *testing.T) {
	for _, w := range []want{
		{"01.01.1900", "1900-01-01", "day", ""},
		{"31.12.2200", "2200-12-31", "day", ""},
		{"01.01.69", "1969-01-01", "day", ""},
		{"31.12.68", "2068-12-31", "day", ""},
		{"1300/01/01", "1921-03-21", "day", ""},
		{"1439/01/01", "2060-03-20", "day", ""},
	} {
		p, ok := Parse(w.text, retrieved)
		w.check(t, "Parse", p, ok)
	}
	for _, s := range []string{"31.12.1899", "01.01.2201", "1440/01/01", "1299/12/29"} {
		if p, ok := Parse(s, retrieved); ok {
			t.Errorf("Parse(%q) = %s, want no date", s, p.Date)
		}
	}
}

// TestParseNonASCIISpace: a no-break space between the parts of a date is a
// space.
func TestParseNonASCIISpace(t *testing.T) {
	p, ok := Parse("27\u00a0September\u00a02023", retrieved)
	want{"27\u00a0September\u00a02023", "2023-09-27", "day", ""}.check(t, "Parse", p, ok)
}

// TestFoldDropsShortVowels: the Arabic short-vowel marks, U+064B to U+065F
// and the superscript alef, are dropped; the letters around them are not.
func TestFoldDropsShortVowels(t *testing.T) {
	if got := fold("ر\u064bب\u065fع\u0670"); got != "ربع" {
		t.Errorf("fold = %+q, want %+q", got, "ربع")
	}
}
