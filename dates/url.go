package dates

import "strings"

// FromURL reads the date in a URL's path, and returns it with the part of the
// URL that gives it. It reads, first as they come:
//
//	/2023/09/27/ · /news/2023/9/27/slug · /2023/09/27-slug     day
//	/2023/09/ · /2023/9/slug                                   month
//	slug-2023-09-27 · 2023_09_27 · slug-27-09-2023-194827      day
//	/20230927/ · slug-20230926_id                              day (years 1990–2099)
//
// A group of digits counts only as a whole, bounded by non-digits, so ids
// that hold a date-like run (/20231051017-x.html, /32577717.html) are not
// dates; percent escapes (%D5%A5) are skipped.
func FromURL(url string) (p Parsed, text string, ok bool) {
	path := url
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			return Parsed{}, "", false
		}
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	groups := digitGroups(path)
	for i, g := range groups {
		if p, n, ok := urlDate(path, groups[i:]); ok {
			return p, path[g.start:groups[i+n-1].end], true
		}
	}
	return Parsed{}, "", false
}

// group is a run of ASCII digits in a URL path.
type group struct{ start, end, val int }

func (g group) digits() int { return g.end - g.start }

func digitGroups(path string) []group {
	var groups []group
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '%' && i+2 < len(path) {
			i += 2 // a percent escape: its hex digits are not digits
			continue
		}
		if c < '0' || c > '9' {
			continue
		}
		g := group{start: i}
		for ; i < len(path) && '0' <= path[i] && path[i] <= '9'; i++ {
			if g.val < 1e9 {
				g.val = g.val*10 + int(path[i]-'0')
			}
		}
		g.end = i
		groups = append(groups, g)
		i--
	}
	return groups
}

// urlDate reads a date whose first group is gs[0], and returns how many
// groups it takes.
func urlDate(path string, gs []group) (Parsed, int, bool) {
	sepAfter := func(i int) byte { // the byte after group i, or 0 at the end
		if gs[i].end < len(path) {
			return path[gs[i].end]
		}
		return 0
	}
	joined := func(i int, sep byte) bool { // group i+1 follows group i after sep
		return i+1 < len(gs) && sepAfter(i) == sep && gs[i+1].start == gs[i].end+1
	}
	a := gs[0]
	switch {
	case a.digits() == 4 && joined(0, '/') && gs[1].digits() <= 2:
		if joined(1, '/') && gs[2].digits() <= 2 {
			p, ok := dayDate(a.val, gs[1].val, gs[2].val, gregorian)
			return p, 3, ok
		}
		if s := sepAfter(1); s == '/' || s == 0 {
			p, ok := monthDate(a.val, gs[1].val, gregorian)
			return p, 2, ok
		}
	case a.digits() == 4:
		for _, sep := range []byte{'-', '_', '.'} {
			if joined(0, sep) && joined(1, sep) && gs[1].digits() == 2 && gs[2].digits() == 2 {
				p, ok := dayDate(a.val, gs[1].val, gs[2].val, gregorian)
				return p, 3, ok
			}
		}
	case a.digits() == 2:
		for _, sep := range []byte{'-', '_', '.'} {
			if joined(0, sep) && joined(1, sep) && gs[1].digits() == 2 && gs[2].digits() == 4 {
				p, ok := dayDate(gs[2].val, gs[1].val, a.val, gregorian)
				return p, 3, ok
			}
		}
	case a.digits() == 8:
		y, m, d := a.val/10000, a.val/100%100, a.val%100
		if 1990 <= y && y <= 2099 {
			p, ok := dayDate(y, m, d, gregorian)
			return p, 1, ok
		}
	}
	return Parsed{}, 0, false
}
