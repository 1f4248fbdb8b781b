// Command gencorpus writes a large, deterministic folder of realistic
// captures for benchmarks: all five layouts of DESIGN.md (news pages,
// digests, analysis pages, bare articles, Tumblr tag pages) in English,
// Russian, Azerbaijani, Turkish, French, German, Armenian and Georgian, at
// the sizes the seeds have, with some wire stories run twice. The same size
// and seed give the same files, byte for byte.
//
//	go run ./cmd/gencorpus --size 100MB --out bench/data/100mb
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	size := flag.String("size", "100MB", "total size of the captures (KB, MB, GB)")
	out := flag.String("out", "bench/data/100mb", "folder to write; it must not exist")
	seeds := flag.String("seeds", "seeds", "folder of seed captures to take English sentences from")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*size, *out, *seeds, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(size, out, seeds string, seed uint64) error {
	limit, err := parseSize(size)
	if err != nil {
		return err
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; remove it or choose another folder", out)
	}
	english, err := seedSentences(seeds)
	if err != nil {
		return err
	}
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x5eed)), pools: map[string][]string{"en": english}}
	g.vocabulary = map[string][]string{}
	for _, lang := range sortedKeys(pools) {
		g.pools[lang] = pools[lang]
		for _, sentence := range pools[lang] {
			g.vocabulary[lang] = append(g.vocabulary[lang], strings.Fields(strings.TrimRight(sentence, ".!?。։"))...)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var written int64
	for n := 0; written < limit; n++ {
		name, text := g.capture(n)
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
		written += int64(len(text))
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d bytes in %s\n", written, out)
	return nil
}

func parseSize(s string) (int64, error) {
	units := map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
	for suffix, unit := range units {
		if n, ok := strings.CutSuffix(strings.ToUpper(s), suffix); ok {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil || v <= 0 {
				break
			}
			return int64(v * float64(unit)), nil
		}
	}
	return 0, fmt.Errorf("size %q: want a number and KB, MB or GB, such as 100MB", s)
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?]["”’]?\s+`)
	// notEnglish marks the seeds' lines in other languages.
	notEnglish = regexp.MustCompile(`[əığşçöüéèàâêôûа-яА-Я]| (?:du|le|la|les|des) `)
)

// seedSentences takes the English prose sentences of the seeds.
func seedSentences(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no seeds in %s: %v", dir, err)
	}
	sort.Strings(files)
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if len(strings.Fields(line)) < 15 || notEnglish.MatchString(line) {
				continue
			}
			for _, s := range sentenceEnd.Split(line, -1) {
				if s = strings.TrimSpace(s); len(strings.Fields(s)) >= 6 {
					out = append(out, strings.TrimRight(s, ".")+".")
				}
			}
		}
	}
	return out, nil
}

type generator struct {
	rng   *rand.Rand
	pools map[string][]string
	// vocabulary holds each small pool's words, to make new sentences from:
	// repeating a dozen sentences would make every article a near-duplicate.
	vocabulary map[string][]string
	// wire is a story already written, run again by another outlet.
	wire []string
}

// languages and their share of captures, in a fixed order.
var languages = []struct {
	code   string
	weight int
}{{"en", 60}, {"ru", 10}, {"az", 10}, {"tr", 5}, {"fr", 5}, {"de", 4}, {"hy", 3}, {"ka", 3}}

func (g *generator) language() string {
	n := g.rng.IntN(100)
	for _, l := range languages {
		if n < l.weight {
			return l.code
		}
		n -= l.weight
	}
	return "en"
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) sentences(lang string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.sentence(lang)
	}
	return strings.Join(parts, " ")
}

// sentence is one of the pool's, or for the small pools mostly a new one
// made of the pool's words.
func (g *generator) sentence(lang string) string {
	words := g.vocabulary[lang]
	if words == nil || g.rng.IntN(10) < 3 {
		return g.pick(g.pools[lang])
	}
	out := make([]string, 6+g.rng.IntN(10))
	for i := range out {
		out[i] = g.pick(words)
	}
	return strings.Join(out, " ") + "."
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (g *generator) paragraphs(lang string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = g.sentences(lang, 2+g.rng.IntN(5))
	}
	return out
}

// article returns a body's paragraphs; now and then the same wire story as
// an earlier capture.
func (g *generator) article(lang string, n int) []string {
	if lang == "en" && g.wire != nil && g.rng.IntN(50) == 0 {
		return g.wire
	}
	p := g.paragraphs(lang, n)
	if lang == "en" && g.rng.IntN(20) == 0 {
		g.wire = p
	}
	return p
}

func (g *generator) headline(lang string) string {
	words := strings.Fields(g.pick(g.pools[lang]))
	return strings.TrimRight(strings.Join(words[:min(len(words), 4+g.rng.IntN(6))], " "), ".,;:")
}

var (
	outlets  = []string{"BARRON'S", "ABC News", "new.am, Armenia", "United Nations News", "Washington Times", "France 24", "DW – Deutsche Welle, Germany", "Voice of America", "The Times of Israel", "Reuters, United Kingdom", "EURASIANET", "OC Media", "Armenpress", "APA", "Caliber.az"}
	people   = []string{"Patrick Reevell", "Heather Murdock", "Armine Martirosyan", "Artur Khachatryan", "Huseyn Ismailbeyli", "Jane Doe", "Leyla Mammadova", "Anna Petrosyan", "Varden Tsulukidze", "Maria Ivanova"}
	sections = []string{"Karabakh", "Politics", "Economy", "Region", "Opinion"}
	months   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsEn = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	accounts = []string{"head-post", "mariacallous", "eldarmirzeliyev", "dnazerbaidjan", "net4news", "azerbaijannewsgazette", "travelcaucasus", "yeniemlak"}
	tags     = []string{"kalbajar", "shusha", "karabakh", "lachin", "artsakh", "stepanakert", "azerbaijan", "armenia"}
)

// capture writes the n-th capture: its file name and text.
func (g *generator) capture(n int) (string, string) {
	name := fmt.Sprintf("%06d_%016x.txt", n, g.rng.Uint64())
	switch k := g.rng.IntN(100); {
	case k < 25:
		return name, g.newsPage()
	case k < 50:
		return name, g.digest()
	case k < 60:
		return name, g.analysis()
	case k < 70:
		return name, g.bare()
	default:
		return name, g.tumblr()
	}
}

func (g *generator) newsPage() string {
	lang := g.language()
	title, section, author := g.headline(lang), g.pick(sections), g.pick(people)
	var b strings.Builder
	b.WriteString("By using this site, you agree to the Privacy Policy and Terms of Use.\nAccept\nCaucasus Daily new logo\n")
	for _, s := range sections {
		fmt.Fprintf(&b, "  • %s\n", s)
	}
	fmt.Fprintf(&b, "Caucasus Daily > %s > %s\n%s\n\n%s\n\n%s\n\n%s\n", section, title, section, title, g.sentences(lang, 1), author)
	fmt.Fprintf(&b, "By %s Published %s %d, %d %d Min Read\n%d %d maxresdefault\n\n", author, g.pick(monthsEn), 1+g.rng.IntN(28), 2020+g.rng.IntN(5), 1+g.rng.IntN(9), g.rng.Uint32(), g.rng.Uint32())
	for _, p := range g.article(lang, 8+g.rng.IntN(8)) {
		fmt.Fprintf(&b, "%s\n\n", p)
	}
	b.WriteString("You Might Also Like\n\n")
	for range 5 {
		fmt.Fprintf(&b, "%s\n\n%s %d, %d %d Min Read\n", g.headline("en"), g.pick(monthsEn), 1+g.rng.IntN(28), 2024, 1+g.rng.IntN(9))
	}
	b.WriteString("\nWelcome Back!\n\nSign in to your account\n")
	return b.String()
}

func (g *generator) digest() string {
	var b strings.Builder
	for range 5 + g.rng.IntN(11) {
		lang := g.language()
		fmt.Fprintf(&b, "%s\n\n%s\n%s %d %d\n\n", g.headline(lang), g.pick(outlets), g.pick(months), 1+g.rng.IntN(28), 2020+g.rng.IntN(5))
		if g.rng.IntN(2) == 0 {
			fmt.Fprintf(&b, "By%s\n\n", g.pick(people))
		}
		for _, p := range g.article(lang, 5+g.rng.IntN(20)) {
			fmt.Fprintf(&b, "%s\n\n", p)
		}
		fmt.Fprintf(&b, "https://example.com/news/%d\n\n", g.rng.Uint32())
	}
	return b.String()
}

func (g *generator) analysis() string {
	lang := g.language()
	var b strings.Builder
	fmt.Fprintf(&b, "ANALYTICS\n\n%s\n\n%02d.%02d.%02d %02d:%02d\n\n\n", g.headline(lang), 1+g.rng.IntN(28), 1+g.rng.IntN(12), 20+g.rng.IntN(5), g.rng.IntN(24), g.rng.IntN(60))
	for _, p := range g.article(lang, 10+g.rng.IntN(10)) {
		fmt.Fprintf(&b, "%s\n\n\u00a0\n\n", p)
	}
	fmt.Fprintf(&b, "%s\n\nRead: %d\n\n\nWrite comment\n\nSend\n", g.pick(people), g.rng.IntN(5000))
	return b.String()
}

func (g *generator) bare() string {
	lang := g.language()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", g.sentences(lang, 1))
	for i, p := range g.article(lang, 10+g.rng.IntN(10)) {
		fmt.Fprintf(&b, "%s\n\n", p)
		if i%6 == 5 {
			fmt.Fprintf(&b, "See also  %s\n\n", g.headline("en"))
		}
	}
	b.WriteString("Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n")
	return b.String()
}

func (g *generator) tumblr() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%s\nExplore tagged Tumblr posts\n", g.pick(tags))
	for range 8 + g.rng.IntN(13) {
		lang := g.language()
		kind := []string{"Text", "Photo"}[g.rng.IntN(2)]
		fmt.Fprintf(&b, "%s · %d %s ago\n%s\n", g.pick(accounts), 1+g.rng.IntN(5), []string{"years", "months"}[g.rng.IntN(2)], kind)
		if kind == "Photo" {
			b.WriteString("Tumblr media\n")
		}
		for range 1 + g.rng.IntN(6) {
			fmt.Fprintf(&b, "%s\n", g.sentences(lang, 1+g.rng.IntN(4)))
		}
		fmt.Fprintf(&b, "#%s #Azerbaijan https://www.instagram.com/p/%x/\n%d notes · View notes\n", g.pick(tags), g.rng.Uint32(), g.rng.IntN(100))
	}
	return b.String()
}
