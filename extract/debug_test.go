package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugPage(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("NKDEBUG")) {
		raw, _ := os.ReadFile(f)
		lines := strings.Split(string(raw), "\n")
		p := newPage(lines, 0, len(lines))
		names := []string{"prose", "text", "chrome", "end", "related", "source", "credit", "date", "byline", "more", "forum"}
		fmt.Printf("== %s lang=%d meta=%q main=%d\n", f, p.lang, p.metadata, mainStart(p))
		for i, l := range p.lines {
			s, _ := stopShare(l.text, p.lang)
			fmt.Printf("%2d L%-3d %-7s w=%-3d s=%.2f d=%q %q\n", i, l.index+1, names[l.class], l.words, s, l.date, trunc(l.text))
		}
		r := Extract(string(raw))
		fmt.Print(render(r))
	}
}

func trunc(s string) string {
	if r := []rune(s); len(r) > 70 {
		return string(r[:70])
	}
	return s
}
