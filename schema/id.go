package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// # Record ids
//
// A record's id is
//
//	<stem>#<ordinal>              a record of a text or HTML file
//	<stem>@<position>#<ordinal>   a record of the capture at <position> in a WARC file
//
// where <stem> is the input's path, relative to the input folder and
// /-separated, without its extension (with it when two inputs would share
// the stem); <position> is the WARC record's 1-based position in its file,
// counting records of every type, so it does not move when the builder
// learns to read more types; and <ordinal> counts the items of one capture
// from 1. Paths are written with [EscapePath], so '#', '@' and '%' in a stem
// are always escaped and the id splits unambiguously. Releases hold records
// in id order: [IDBefore].

var idPattern = regexp.MustCompile(`^[^#@]+(?:@[1-9][0-9]*)?#[1-9][0-9]*$`)

// ID is a parsed record id.
type ID struct {
	Stem     string
	Position int // WARC record position; 0 for a record of a text or HTML file
	Ordinal  int
}

func (id ID) String() string {
	if id.Position > 0 {
		return fmt.Sprintf("%s@%d#%d", id.Stem, id.Position, id.Ordinal)
	}
	return fmt.Sprintf("%s#%d", id.Stem, id.Ordinal)
}

// ParseID reads an id of the grammar above.
func ParseID(s string) (ID, error) {
	if !idPattern.MatchString(s) {
		return ID{}, fmt.Errorf("id %q is not <path>#<ordinal> or <path>@<position>#<ordinal>", s)
	}
	head, ordinal, _ := strings.Cut(s, "#")
	stem, position, hasPosition := strings.Cut(head, "@")
	id := ID{Stem: stem}
	id.Ordinal, _ = strconv.Atoi(ordinal)
	if hasPosition {
		id.Position, _ = strconv.Atoi(position)
	}
	return id, nil
}

// IDBefore orders ids as releases do: by stem, then WARC position, then
// ordinal, the numbers compared as numbers. Ids that do not parse sort by
// their text, after those that do.
func IDBefore(a, b string) bool {
	pa, errA := ParseID(a)
	pb, errB := ParseID(b)
	switch {
	case errA != nil || errB != nil:
		if (errA == nil) != (errB == nil) {
			return errA == nil
		}
		return a < b
	case pa.Stem != pb.Stem:
		return pa.Stem < pb.Stem
	case pa.Position != pb.Position:
		return pa.Position < pb.Position
	}
	return pa.Ordinal < pb.Ordinal
}

// EscapePath spells a file path as every output holds it: valid UTF-8 with
// no control characters, and with '#', '@' and '%' escaped, so that ids
// split unambiguously. Each such byte (and each byte of invalid UTF-8)
// becomes %XX, so the spelling is reversible: [UnescapePath].
func EscapePath(p string) string {
	if !needsEscape(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if escaped(r, size) {
			for _, c := range []byte(p[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(p[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(p string) bool {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if escaped(r, size) {
			return true
		}
		i += size
	}
	return false
}

func escaped(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) ||
		r == '#' || r == '@' || r == '%'
}

// UnescapePath returns the path EscapePath spelled.
func UnescapePath(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("path %q: %% at byte %d is not followed by two hex digits", s, i)
		}
		c, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("path %q: %% at byte %d is not followed by two hex digits", s, i)
		}
		b.WriteByte(byte(c))
		i += 2
	}
	return b.String(), nil
}
