package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	retrieved := time.Date(2025, 6, 20, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text      string
		retrieved time.Time
		date      string // "" when unresolved
		precision string
	}{
		{"Oct 2 2023", time.Time{}, "2023-10-02", "day"},
		{"Oct 2, 2023", time.Time{}, "2023-10-02", "day"},
		{"August 22, 2023", time.Time{}, "2023-08-22", "day"},
		{"Sept. 5, 2024", time.Time{}, "2024-09-05", "day"},
		{"2 October 2023", time.Time{}, "2023-10-02", "day"},
		{"18.04.24 15:40", time.Time{}, "2024-04-18", "day"},
		{"03.02.2025 09:15", time.Time{}, "2025-02-03", "day"},
		{"2023-10-02", time.Time{}, "2023-10-02", "day"},
		{"October 2023", time.Time{}, "2023-10-01", "month"},
		{"2 октября 2023", time.Time{}, "2023-10-02", "day"},
		{"27 sentyabr 2020", time.Time{}, "2020-09-27", "day"},
		{"25 Noyabr 2021", time.Time{}, "2021-11-25", "day"},
		{"2 Ekim 2023", time.Time{}, "2023-10-02", "day"},
		{"2 octobre 2023", time.Time{}, "2023-10-02", "day"},
		{"14 juillet 2023", time.Time{}, "2023-07-14", "day"},
		{"3. März 2024", time.Time{}, "2024-03-03", "day"},
		{"3 months ago", retrieved, "2025-03-01", "month"},
		{"2 years ago", retrieved, "2023-01-01", "year"},
		{"1 year ago", retrieved, "2024-01-01", "year"},
		{"12 hours ago", retrieved, "2025-06-20", "day"},
		{"6 days ago", retrieved, "2025-06-14", "day"},
		{"3 months ago", time.Time{}, "", "month"},
	}
	for _, tt := range tests {
		p, ok := Parse(tt.text, tt.retrieved)
		if !ok {
			t.Errorf("Parse(%q) is not a date", tt.text)
			continue
		}
		got := ""
		if p.Resolved {
			got = p.Date.String()
		}
		if got != tt.date || p.Precision != tt.precision {
			t.Errorf("Parse(%q) = %s %s, want %s %s", tt.text, got, p.Precision, tt.date, tt.precision)
		}
	}
}

func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"", "Tumblr media", "May 15, 2025 7 Min Read", "BARRON'S", "31.02.2024 10:00",
		"Out of Karabakh", "2023", "Oct 2", "The March on Baku 2023", "13.13.23 10:00",
	} {
		if p, ok := Parse(text, time.Time{}); ok {
			t.Errorf("Parse(%q) = %v, want no date", text, p)
		}
	}
}
