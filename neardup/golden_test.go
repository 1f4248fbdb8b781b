package neardup

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/signatures.golden from the current code")

const goldenFile = "testdata/signatures.golden"

// goldenStrings are bodies chosen to cross every branch of word splitting
// and case folding.
var goldenStrings = []string{
	"",
	"word",
	"four words right here",
	"exactly five words right here",
	"one two three four five six seven",
	"ONE Two tHREE four FIVE six SEVEN",
	"  leading and trailing   spaces\tand\ttabs\nand\r\nnewlines  ",
	"punctuation: commas, full stops. dashes — quotes “like” ‘these’ it’s (brackets) [x] {y} 3.14 1,000 e-mail a_b",
	"Президент Азербайджана Ильхам Алиев провёл встречу с ЁЛКОЙ и ёжиком в Баку",
	"Հայաստանի Հանրապետության վարչապետ Նիկոլ Փաշինյանը ԵՎ և Երևան",
	"Əliyev İlham İSTANBUL ıIiİ Ğğ Şş Çç Öö Üü ƏəƏ dəyişiklik ölkə şəhər",
	"Ελληνικά ΣΟΦΟΣ σοφός ς Σ ΐ ΰ",
	"combining: e\u0301 a\u0300\u0323 n\u0303 word\u0308s here now",
	"ligatures and signs: ﬁ ﬂ Kelvin \u212a Ångström \u212b ẞ ß ǅ ǈ ǋ Ⅻ ⅻ ² ³ ½",
	"digits: 0123456789 ٠١٢٣ ۰۱۲ ०१२ ０１２ ① ⑴ 𝟘𝟙 x²",
	"scripts: ქართული ენა हिन्दी भाषा 中文 日本語 한국어 ภาษาไทย עברית العربية فارسی",
	"emoji 👍🏽 flags 🇦🇿🇦🇲 and 😀 between words here",
	"spaces:\u00a0nbsp\u2009thin\u200bzero\u200dzwj\u00adsoft\u3000ideographic\u2028line\u2029para\ufeffbom",
	"nul\x00bytes\x00between\x00all\x00these\x00words\x00",
	"invalid \xff\xfe utf8 \xc3 lone lead \xe2\x80 truncated \xc0\x80 overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 too big end",
	"invalid\xffinside\xc3words\xe2\x80split\xedthem",
	"replacement \ufffd char \ufffd\ufffd real ones here",
	"boundary runes \u07ff\u0800\u07fe\u0801 \u00ff\u0100\u017f\u0180 \u007f\u0080 end",
	"a b c d e f g h i j k l m n o p q r s t u v w x y z",
	strings.Repeat("same five words again ", 20),
	strings.Repeat("x", 1000) + " long word then four more",
}

// goldenRandom returns n deterministic bodies mixing runes of many classes
// and stray bytes, so that fast paths are checked against the slow one.
func goldenRandom(n int) []string {
	palette := []rune("aZ09 \t\n.,;:-'\"_()" +
		"ДдЁёЖжЯяЙй" + "ԱաՖֆև" + "ƏəİıĞğŞşÇçÖöÜü" + "ΣσςΐΆ" +
		"\u0301\u0323\u0308\u093f\u0900\u0903" + "ქაहि中日한ไعבफ" +
		"٠۰०０²½Ⅻ①" + "\u00a0\u2009\u200b\u200d\u00ad\u3000\u2019\u201c\u2014\ufeff\ufffd" +
		"\u212a\u212b\u1e9e\u01c5\u0130\u0131\u07ff\u0800\u007f\u0080\u00ff\u0100" +
		"👍😀🇦\x00")
	x := uint64(1)
	next := func(k int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(k))
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range next(400) {
			switch c := next(20); {
			case c < 12:
				b.WriteRune(palette[next(len(palette))])
			case c < 14:
				b.WriteByte(' ')
			case c < 16:
				b.WriteRune(rune(next(0x110000)))
			case c < 18:
				b.WriteByte(byte(next(256)))
			default:
				b.WriteString("word ")
			}
		}
		out[i] = b.String()
	}
	return out
}

type goldenCase struct{ name, body string }

func goldenCases(t testing.TB) []goldenCase {
	var cases []goldenCase
	for i, s := range goldenStrings {
		cases = append(cases, goldenCase{fmt.Sprintf("string %d", i), s})
	}
	for i, s := range goldenRandom(300) {
		cases = append(cases, goldenCase{fmt.Sprintf("random %d", i), s})
	}
	for _, s := range seeds(t) {
		cases = append(cases,
			goldenCase{"seed " + s.name + " raw", string(s.raw)},
			goldenCase{"seed " + s.name + " text", s.text},
			goldenCase{"seed " + s.name + " upper", strings.ToUpper(s.text)},
			goldenCase{"seed " + s.name + " lower", strings.ToLower(s.text)},
		)
	}
	bodies, order := seedItems(t)
	for _, name := range order {
		cases = append(cases, goldenCase{"item " + name, bodies[name]})
	}
	return cases
}

// digest is a short, stable fingerprint of a list of numbers.
func digest[T uint32 | uint64](xs []T) string {
	h := sha256.New()
	for _, x := range xs {
		h.Write(binary.LittleEndian.AppendUint64(nil, uint64(x)))
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:8])
}

// goldenIndex runs the seed items, and copies of them cut or extended, through
// indexes of several windows, and reports what each Add returned.
func goldenIndex(t testing.TB) []string {
	bodies, order := seedItems(t)
	var lines []string
	for _, window := range []int{0, 1, 3, 10} {
		x := NewIndex(window)
		add := func(id, body string) {
			if dup := x.Add(id, Sign(body)); dup != "" {
				lines = append(lines, fmt.Sprintf("index %d: %s -> %s", window, id, dup))
			}
		}
		for _, name := range order {
			b := bodies[name]
			add(name, b)
			add(name+" head", b[:len(b)*2/3])
			add(name+" tail", b[len(b)/3:])
			add(name+" more", b+"\n\nA closing line the copy added at its end.")
		}
	}
	return lines
}

// TestGolden pins the shingles, signatures, band keys and index answers to
// those of the code that built earlier releases: a change here changes
// releases byte for byte.
func TestGolden(t *testing.T) {
	var lines []string
	for _, c := range goldenCases(t) {
		sig := Sign(c.body)
		sh := Shingles(c.body)
		line := fmt.Sprintf("%s\tshingles %d %s\tsignature %d %s", c.name, len(sh), digest(sh), len(sig), digest(sig))
		if sig != nil {
			var keys []uint64
			for _, k := range bandKeys(sig) {
				keys = append(keys, k)
			}
			line += "\tbands " + digest(keys)
		}
		lines = append(lines, line)
	}
	lines = append(lines, goldenIndex(t)...)
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	wantLines := strings.Split(string(want), "\n")
	gotLines := strings.Split(got, "\n")
	for i := range max(len(wantLines), len(gotLines)) {
		var w, g string
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if w != g {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
}
