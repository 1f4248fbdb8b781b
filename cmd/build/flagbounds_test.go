package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/nkcorpus/builder/release"
	"github.com/urfave/cli/v2"
)

// TestFlagBounds: each bounded flag of a build takes both ends of its range
// and refuses one past either, as a usage error (status 2) naming the flag.
func TestFlagBounds(t *testing.T) {
	for _, tt := range []struct {
		flag  string
		value int64
		ok    bool
	}{
		{"max-file-size", 1, true},
		{"max-file-size", maxFileSizeLimit, true},
		{"max-file-size", 0, false},
		{"max-file-size", maxFileSizeLimit + 1, false},
		{"duplicate-window", 0, true},
		{"duplicate-window", -1, false},
		{"shard-size", 1, true},
		{"shard-size", maxShardSize, true},
		{"shard-size", 0, false},
		{"shard-size", maxShardSize + 1, false},
	} {
		set := flag.NewFlagSet("build", flag.ContinueOnError)
		set.String("output", "out", "")
		set.Int("workers", 1, "")
		values := map[string]int64{"max-file-size": 1 << 20, "duplicate-window": 100, "shard-size": 1 << 20}
		values[tt.flag] = tt.value
		for name, v := range values {
			set.Int64(name, v, "")
		}
		_, err := buildOptions(cli.NewContext(cli.NewApp(), set, nil), release.Builder{})
		var usage usageError
		switch {
		case tt.ok && err != nil:
			t.Errorf("--%s %d: %v, want it accepted", tt.flag, tt.value, err)
		case !tt.ok && (!errors.As(err, &usage) || !strings.HasPrefix(err.Error(), fmt.Sprintf("--%s %d: must be", tt.flag, tt.value))):
			t.Errorf("--%s %d: %v, want a usage error naming the flag and its bounds", tt.flag, tt.value, err)
		}
	}
}

// TestBadSourceDateEpoch: a SOURCE_DATE_EPOCH that is no number of seconds
// fails the build rather than giving a release no date.
func TestBadSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	set := flag.NewFlagSet("build", flag.ContinueOnError)
	about, err := datasetAbout(cli.NewContext(cli.NewApp(), set, nil), t.TempDir(), release.Builder{})
	if err == nil || !strings.Contains(err.Error(), `SOURCE_DATE_EPOCH "soon"`) {
		t.Errorf("datasetAbout = %+v, %v; want an error naming SOURCE_DATE_EPOCH", about, err)
	}
}
