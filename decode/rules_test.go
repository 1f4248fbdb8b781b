package decode

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestOtherCodePages: the code pages README names beside Windows-1251,
// -1252 and -1254 are guessed too, each from a paragraph of its language.
func TestOtherCodePages(t *testing.T) {
	const (
		czech  = "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda ve středu schválila zákon o státním rozpočtu a poslanci o něm budou jednat v pátek.\n"
		arabic = "زار رئيس أذربيجان اليوم مدينة شوشا وافتتح فيها متحفا جديدا. وعاد سكان قره باغ إلى منازلهم بعد ثلاثين عاما، وفتحت المدارس أبوابها من جديد.\n"
	)
	for _, tc := range []struct {
		name, text string
		page       *charmap.Charmap
		label      string
	}{
		{"koi8-r", russian, charmap.KOI8R, "koi8-r"},
		{"windows-1250", czech, charmap.Windows1250, "windows-1250"},
		{"windows-1256", arabic, charmap.Windows1256, "windows-1256"},
	} {
		got, err := Decode(encode(t, tc.page, tc.text))
		if err != nil || got.Text != tc.text || got.Encoding != tc.label {
			t.Errorf("%s: Decode = %q (%s), %v; want the text, %s", tc.name, got.Text, got.Encoding, err, tc.label)
		}
	}
}

// TestFirstControlEdges: the C0 range ends before the space, DEL is one
// byte, the C1 range is U+0080 to U+009F; a C2 byte that ends a string
// (which no decoded text holds, but Clean is handed other text too) is
// none.
func TestFirstControlEdges(t *testing.T) {
	for s, want := range map[string]int{
		"a\x1f": 1, "a ": -1, "a\x7f": 1, "a~": -1,
		"a\u0080": 1, "a\u009f": 1, "a\u00a0": -1, "a\u00bf": -1, "a\u0100": -1,
		"a\xc2": -1, "\xc2": -1,
	} {
		if got := firstControl(s); got != want {
			t.Errorf("firstControl(%q) = %d, want %d", s, got, want)
		}
	}
}
