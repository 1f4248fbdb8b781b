package mention

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	body, lang := os.Getenv("ZZ_BODY"), os.Getenv("ZZ_LANG")
	if body == "" {
		t.Skip()
	}
	if b, err := os.ReadFile(body); err == nil {
		body = string(b)
	}
	for _, m := range builtinMatcher(t).Find(body, lang) {
		fmt.Printf("%d-%d %q %s (%s)\n", m.Start, m.End, m.Surface, m.Entity, m.Name)
	}
}
