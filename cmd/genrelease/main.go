// Command genrelease writes a release of a few very large records straight
// through the release writer, for measuring what validate and diff hold in
// memory (bench/validate-memory.sh): the builder bounds what one record may
// hold, but a release to check may come from anywhere.
//
//	go run ./cmd/genrelease --records 8 --size 60MB --out /tmp/big
//
// Each record's body is SIZE bytes of words drawn from a fixed list by a
// seeded generator, so the same flags give the same release.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

var words = strings.Fields("Karabakh Stepanakert Khankendi ceasefire talks border villages shelling " +
	"ministry statement peacekeepers corridor Lachin refugees humanitarian aid negotiations Baku Yerevan")

func main() {
	records := flag.Int("records", 8, "number of records")
	size := flag.String("size", "60MB", "bytes of each record's body (KB, MB)")
	out := flag.String("out", "", "output folder; the release is OUT/dev")
	flag.Parse()
	if err := run(*records, *size, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genrelease:", err)
		os.Exit(1)
	}
}

func run(records int, size, out string) error {
	bytes, err := parseSize(size)
	if err != nil {
		return err
	}
	m := release.Manifest{Dataset: "genrelease", Version: release.Dev, SchemaVersion: schema.Version, Counts: release.NewCounts()}
	w, err := release.Create(out, m, false)
	if err != nil {
		return err
	}
	defer w.Abort()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range records {
		r := record(i, body(rng, bytes))
		m.Inputs = append(m.Inputs, release.Input{Path: r.Source.Path, SHA256: r.Source.SHA256, Bytes: int64(len(r.Body)),
			Encoding: r.Source.Encoding, Layout: r.Layout, Records: 1})
		m.Counts.Add(r)
		if err := w.Write(r); err != nil {
			return err
		}
	}
	_, err = w.Publish(m)
	return err
}

// record is record i of the release, with body as its text.
func record(i int, body string) schema.Record {
	path := fmt.Sprintf("big/%04d.txt", i+1)
	sum := sha256.Sum256([]byte(body))
	return schema.Record{
		ID:     strings.TrimSuffix(path, ".txt") + "#1",
		Source: schema.Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Encoding: "utf-8", LineStart: 1, LineEnd: 1, MediaType: schema.MediaText},
		Layout: "plain", Byline: []string{}, Body: body, Language: "en", LanguageConfidence: 1,
		Mentions: []schema.Mention{}, WordCount: schema.WordCount(body),
	}
}

func body(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.Grow(n + 32)
	for b.Len() < n {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String()[:n])
}

func parseSize(s string) (int, error) {
	for suffix, unit := range map[string]int{"KB": 1 << 10, "MB": 1 << 20} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				break
			}
			return v * unit, nil
		}
	}
	return 0, fmt.Errorf("size %q is not a positive number of KB or MB", s)
}
