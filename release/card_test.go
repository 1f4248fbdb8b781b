package release

import (
	"crypto/sha256"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestCardEscapesNames writes a card for inputs whose names would break
// its tables: every table row must stay one row of the right width.
func TestCardEscapesNames(t *testing.T) {
	m := Manifest{Version: "dev", Counts: NewCounts(), Inputs: []Input{
		{Path: "a\nb.txt", Records: 1, SHA256: strings.Repeat("1", 64), Encoding: "utf-8", Layout: "plain"},
		{Path: "x|y.txt", Records: 1},
		{Path: "`tick`.txt", Skipped: "binary content"},
	}, Outputs: []Output{{Path: "c|d", Bytes: 1, SHA256: "00"}}}
	m.Counts.Outlet["<script>alert(1)</script> | News"] = 2
	card := string(datasetCard(m, cardFacts{}))
	for _, line := range strings.Split(card, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if strings.Contains(line, ".txt") && cells != 7 || strings.Contains(line, "c\\|d") && cells != 5 {
			t.Errorf("row with %d separators: %q", cells, line)
		}
	}
	for _, want := range []string{"| `a%0Ab.txt` |", "| `x\\|y.txt` |", "| `` `tick`.txt `` |", `\<script\>alert(1)\</script\> \| News`} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	if strings.Contains(card, "<script>") {
		t.Error("card holds raw HTML from an outlet name")
	}
}

// TestCardLargeCorpus checks that the card stays small past maxSourceRows
// inputs, and that its checksum of the source list is what the jq command
// it prints gives.
func TestCardLargeCorpus(t *testing.T) {
	m := Manifest{Version: "dev", Counts: NewCounts(), Records: 2_500_000}
	list := ""
	for i := range 5000 {
		in := Input{Path: fmt.Sprintf("capture-%05d.txt", i), SHA256: fmt.Sprintf("%064x", i), Records: 500}
		if i%100 == 0 {
			in = Input{Path: in.Path, Skipped: "empty file"}
		}
		m.Inputs = append(m.Inputs, in)
		list += in.SHA256 + "  " + in.Path + "\n"
	}
	card := string(datasetCard(m, cardFacts{}))
	if len(card) > 20_000 {
		t.Errorf("the card of 5000 inputs is %d bytes", len(card))
	}
	for _, want := range []string{"5000 source files (50 skipped)", fmt.Sprintf("%x", sha256.Sum256([]byte(list))), "size_categories:\n- 1M<n<10M\n"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	if strings.Contains(card, "capture-00001.txt") {
		t.Error("the card lists sources one a row past the limit")
	}
	if _, err := exec.LookPath("jq"); err == nil {
		// The command the card prints gives the checksum it states.
		raw := `{"inputs":[{"path":"a.txt","sha256":"ab"},{"path":"b.txt","skipped":"empty file"}]}`
		out, err := exec.Command("sh", "-c", `printf '%s' '`+raw+`' | jq -r '.inputs[] | "\(.sha256 // "")  \(.path)"' | sha256sum`).Output()
		want := fmt.Sprintf("%x", sha256.Sum256([]byte("ab  a.txt\n  b.txt\n")))
		if err != nil || !strings.HasPrefix(string(out), want) {
			t.Errorf("jq gives %s (%v), want %s", out, err, want)
		}
	}
}

func TestSizeCategory(t *testing.T) {
	for n, want := range map[int]string{0: "n<1K", 999: "n<1K", 1000: "1K<n<10K", 2_500_000: "1M<n<10M", 10_000_000: "10M<n<100M", 2_000_000_000: "1B<n<10B"} {
		if got := sizeCategory(n); got != want {
			t.Errorf("sizeCategory(%d) = %s, want %s", n, got, want)
		}
	}
}
