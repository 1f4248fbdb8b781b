package mention

import (
	"strings"
	"testing"
)

// BenchmarkFindLongBody is one body of the seed's articles repeated to
// about 4 MB, the largest a record may hold: MB/s here near BenchmarkFind's
// says the matcher stays linear in the body's length.
func BenchmarkFindLongBody(b *testing.B) {
	m := builtinMatcher(b)
	bodies, _ := seedBodies(b, "001_5e29adcfeed8e22f.txt")
	one := strings.Join(bodies, "\n\n")
	body := strings.Repeat(one+"\n\n", 4<<20/(len(one)+2))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		m.Find(body, "en")
	}
}
