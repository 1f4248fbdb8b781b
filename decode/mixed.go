package decode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// # Mixed encodings
//
// A capture pasted together from several sources may hold lines of UTF-8
// and lines of a legacy code page. Read as a whole it would be mojibake in
// one of them; it is read line by line instead: a line that is UTF-8 (with
// at most a few broken sequences, as [fewBroken] allows) as UTF-8, every
// other line in the one code page guessed from all of them together, and
// the text carries a warning. Each side must hold enough text to tell
// ([mixedEvidence] multi-byte characters, and as many bytes that are not
// UTF-8): a legacy capture in which a few bytes happen to form UTF-8, or a
// UTF-8 capture with a few broken bytes, is read whole.

// mixedEvidence is how much of each encoding a capture must hold to be read
// line by line.
const mixedEvidence = 16

// lineScan is what reading a capture that is not valid UTF-8 line by line
// found.
type lineScan struct {
	lines  [][]byte // each with its line end
	legacy []bool   // the lines that are not UTF-8
	// valid and invalid count the valid multi-byte characters and the
	// bytes that are not UTF-8, in the whole capture; utf8Runes and
	// legacyBytes those of the UTF-8 lines and of the others.
	valid, invalid, utf8Runes, legacyBytes int
}

func scanLines(raw []byte) lineScan {
	s := lineScan{lines: bytes.SplitAfter(raw, []byte("\n"))}
	s.legacy = make([]bool, len(s.lines))
	for i, line := range s.lines {
		valid, invalid := utf8Counts(line)
		s.valid += valid
		s.invalid += invalid
		if invalid == 0 || fewBroken(valid, invalid) {
			s.utf8Runes += valid
		} else {
			s.legacy[i] = true
			s.legacyBytes += invalid
		}
	}
	return s
}

// mixed reads a capture line by line when it holds both UTF-8 lines and
// lines in a legacy code page; ok is false otherwise.
func (s lineScan) mixed() (t Text, ok bool) {
	if s.utf8Runes < mixedEvidence || s.legacyBytes < mixedEvidence {
		return Text{}, false
	}
	var legacyText []byte
	for i, line := range s.lines {
		if s.legacy[i] {
			legacyText = append(legacyText, line...)
		}
	}
	page, found := guessCodePage(legacyText)
	if !found {
		return Text{}, false
	}
	var b strings.Builder
	first, count := 0, 0
	for i, line := range s.lines {
		if !s.legacy[i] {
			u := utf8Text(line, utf8.Valid(line))
			t.Replaced += u.Replaced
			b.WriteString(u.Text)
			continue
		}
		if count++; first == 0 {
			first = i + 1
		}
		out, err := page.encoding.NewDecoder().Bytes(line)
		if err != nil {
			return Text{}, false
		}
		b.Write(out)
	}
	total := len(s.lines)
	if len(s.lines[total-1]) == 0 {
		total-- // after the last line end
	}
	t.Text, t.Encoding = b.String(), "utf-8+"+page.label
	t.Warnings = []string{fmt.Sprintf("mixed encodings: %d of %d lines are in %s (the first is line %d), the others in UTF-8; each line was read in its own",
		count, total, page.label, first)}
	return t, true
}

// utf8Counts counts the valid multi-byte characters of raw and its bytes
// that are not UTF-8.
func utf8Counts(raw []byte) (valid, invalid int) {
	for len(raw) > 0 {
		if raw[0] < utf8.RuneSelf {
			raw = raw[1:]
			continue
		}
		r, size := utf8.DecodeRune(raw)
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		raw = raw[size:]
	}
	return valid, invalid
}
