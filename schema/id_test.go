package schema

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want ID
		ok   bool
	}{
		{"001_x#3", ID{"001_x", 0, 3}, true},
		{"crawl@17#2", ID{"crawl", 17, 2}, true},
		{"dir/sub/a.txt#1", ID{"dir/sub/a.txt", 0, 1}, true},
		{"report%232#1", ID{"report%232", 0, 1}, true},
		{"report#2#1", ID{}, false},
		{"a@b@3#1", ID{}, false},
		{"a#0", ID{}, false},
		{"a@0#1", ID{}, false},
		{"#1", ID{}, false},
		{"a", ID{}, false},
	} {
		got, err := ParseID(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseID(%q) = %+v, %v; want %+v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && got.String() != tc.in {
			t.Errorf("ParseID(%q).String() = %q", tc.in, got.String())
		}
	}
}

func TestIDBefore(t *testing.T) {
	// Ids that do not parse ("a", "z#0") come last, by their text.
	want := []string{"a#1", "a#2", "a#10", "a@1#1", "a@2#1", "a@2#3", "a@10#1", "a/b#1", "b#1", "a", "z#0"}
	got := []string{"z#0", "b#1", "a@10#1", "a#10", "a", "a/b#1", "a@2#3", "a#1", "a@1#1", "a#2", "a@2#1"}
	sort.Slice(got, func(i, j int) bool { return IDBefore(got[i], got[j]) })
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids sorted by IDBefore (-want +got):\n%s", diff)
	}
	for i := range want {
		if IDBefore(want[i], want[i]) {
			t.Errorf("IDBefore(%q, itself) = true", want[i])
		}
	}
}

func TestEscapePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"seeds/001_x.txt", "seeds/001_x.txt"},
		{"Şuşa/Xankəndi.txt", "Şuşa/Xankəndi.txt"},
		{"report#2.txt", "report%232.txt"},
		{"a@b.txt", "a%40b.txt"},
		{"100%.txt", "100%25.txt"},
		{"caf\xe9.txt", "caf%E9.txt"},
		{"new\nline.txt", "new%0Aline.txt"},
		{"tab\there", "tab%09here"},
		{"a b.txt", "a b.txt"},
		{"c1\u0080\u009f.txt", "c1%C2%80%C2%9F.txt"},
		{"nbsp\u00a0.txt", "nbsp\u00a0.txt"},
	} {
		got := EscapePath(tc.in)
		if got != tc.want {
			t.Errorf("EscapePath(%q) = %q; want %q", tc.in, got, tc.want)
		}
		back, err := UnescapePath(got)
		if err != nil || back != tc.in {
			t.Errorf("UnescapePath(%q) = %q, %v; want %q", got, back, err, tc.in)
		}
	}
	for _, bad := range []string{"a%", "a%2", "a%zz"} {
		if _, err := UnescapePath(bad); err == nil {
			t.Errorf("UnescapePath(%q) accepted", bad)
		}
	}
}

func FuzzEscapePath(f *testing.F) {
	f.Add("report#2.txt")
	f.Add("caf\xe9.txt")
	f.Fuzz(func(t *testing.T, p string) {
		e := EscapePath(p)
		if !utf8Valid(e) {
			t.Fatalf("EscapePath(%q) = %q, not valid UTF-8", p, e)
		}
		back, err := UnescapePath(e)
		if err != nil || back != p {
			t.Fatalf("round trip of %q: %q, %v", p, back, err)
		}
		if _, err := ParseID(e + "#1"); e != "" && err != nil {
			t.Fatalf("id of escaped %q does not parse: %v", p, err)
		}
	})
}

func utf8Valid(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7F })
}
