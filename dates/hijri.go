package dates

import "time"

// The Solar Hijri (Iranian) calendar starts each year at the March equinox;
// its first six months have 31 days, the next five 30, and Esfand 29, or 30
// in a leap year. Which years leap follows the astronomical equinox; the
// arithmetic below (Kazimierz Borkowski's, as the jalaali-js library
// implements it) agrees with it for the years 1178–1633 AP (1799–2254).

// solarBreaks are the years where the 33-year leap cycle is broken.
var solarBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// solarYear returns the Gregorian year and the day of March on which the
// Solar Hijri year jy starts, and whether jy is a leap year.
func solarYear(jy int) (gy, march int, leap bool) {
	gy = jy + 621
	leapJ, jp, jump := -14, solarBreaks[0], 0
	for _, jm := range solarBreaks[1:] {
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + jump%33/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	r := ((n+1)%33 - 1) % 4
	return gy, march, r == 0
}

// fromSolar returns the Gregorian date of day d of month m of the Solar
// Hijri year y; ok is false for a day the month does not have, or a year
// outside the years the arithmetic holds for.
func fromSolar(y, m, d int) (time.Time, bool) {
	if y < 1178 || y > 1633 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	gy, march, leap := solarYear(y)
	days := 30
	switch {
	case m <= 6:
		days = 31
	case m == 12 && !leap:
		days = 29
	}
	if d > days {
		return time.Time{}, false
	}
	offset := (m-1)*31 + d - 1
	if m > 6 {
		offset = 6*31 + (m-7)*30 + d - 1
	}
	return time.Date(gy, time.March, march+offset, 0, 0, 0, 0, time.UTC), true
}
