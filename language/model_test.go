package language

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

var update = flag.Bool("update", false, "rewrite models/ngrams.bin.gz from lingua-go's models, and testdata/lingua.tsv.gz from its answers")

// TestModelFile checks models/ngrams.bin.gz holds lingua-go's models, as
// encodeModels makes it from the module's language-models, and reads, its
// languages those of the rules; with -update it writes the file.
func TestModelFile(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		t.Fatalf("finding lingua-go's module: %v", err)
	}
	want, err := encodeModels(filepath.Join(strings.TrimSpace(string(out)), "language-models"))
	if err != nil {
		t.Fatal(err)
	}
	const name = "models/ngrams.bin.gz"
	if *update {
		var file bytes.Buffer
		gz, _ := gzip.NewWriterLevel(&file, gzip.BestCompression)
		gz.Write(want)
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, file.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	gz, err := gzip.NewReader(bytes.NewReader(modelFile))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(gz)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not lingua's models: run go test ./language -run TestModelFile -update", name)
	}
	if _, err := readModels(modelFile); err != nil {
		t.Fatal(err)
	}
}

// encodeModels encodes lingua's models in dir in the form model.go reads,
// before gzip.
func encodeModels(dir string) ([]byte, error) {
	var out []byte
	all := lingua.AllLanguages()
	out = binary.AppendUvarint(out, uint64(len(all)))
	for _, l := range all {
		out = append(out, strings.ToLower(l.IsoCode639_1().String())...)
	}
	for _, order := range []string{"unigrams", "bigrams", "trigrams"} {
		type entry struct {
			lang  uint8
			value uint64
		}
		ngrams := map[string][]entry{}
		for lang, l := range all {
			model, err := readLinguaModel(filepath.Join(dir, strings.ToLower(l.IsoCode639_1().String()), order+".pb.bin.zip"))
			if err != nil {
				return nil, err
			}
			for _, set := range model.GetNgramSets() {
				v := -math.Round(math.Log(set.Probability) * scale)
				if v < 0 || v > math.MaxInt32 || v == 0 && set.Probability != 1 {
					return nil, fmt.Errorf("%v %s: probability %v out of range", l, order, set.Probability)
				}
				for _, n := range set.Ngrams {
					ngrams[n] = append(ngrams[n], entry{uint8(lang), uint64(v)})
				}
			}
		}
		keys := make([]string, 0, len(ngrams))
		for n := range ngrams {
			keys = append(keys, n)
		}
		slices.Sort(keys)
		out = binary.AppendUvarint(out, uint64(len(keys)))
		previous := ""
		for _, n := range keys {
			shared := 0
			for shared < len(n) && shared < len(previous) && n[shared] == previous[shared] {
				shared++
			}
			out = binary.AppendUvarint(out, uint64(shared))
			out = binary.AppendUvarint(out, uint64(len(n)-shared))
			out = append(out, n[shared:]...)
			previous = n
		}
		for _, n := range keys {
			out = binary.AppendUvarint(out, uint64(len(ngrams[n])))
		}
		for _, n := range keys {
			for _, e := range ngrams[n] {
				out = append(out, e.lang)
			}
		}
		for _, n := range keys {
			for _, e := range ngrams[n] {
				out = binary.AppendUvarint(out, e.value)
			}
		}
	}
	return out, nil
}

// readLinguaModel reads one of lingua's model files; a language lingua has
// no model of this order for has none.
func readLinguaModel(path string) (*serialization.SerializableLanguageModel, error) {
	compressed, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return new(serialization.SerializableLanguageModel), nil
	}
	if err != nil {
		return nil, err
	}
	archive, err := zip.NewReader(bytes.NewReader(compressed), int64(len(compressed)))
	if err != nil || len(archive.File) != 1 {
		return nil, fmt.Errorf("%s: not a zip of one file: %v", path, err)
	}
	f, err := archive.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	model := new(serialization.SerializableLanguageModel)
	if err := proto.Unmarshal(data, model); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return model, nil
}

// BenchmarkModelHeap reports the heap the models take once read
// (heap-MB) and the time to read them.
func BenchmarkModelHeap(b *testing.B) {
	var heap float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err := readModels(modelFile)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = float64(after.HeapAlloc-before.HeapAlloc) / 1e6
		runtime.KeepAlive(m)
	}
	b.ReportMetric(heap, "heap-MB")
}
