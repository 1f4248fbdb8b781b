package main

import (
	"runtime/debug"
	"testing"

	"github.com/nkcorpus/builder/release"
)

// TestBuilderInfo: a binary without a VCS stamp or a revision set at link
// time, as a test binary is, records no revision, rather than asking git
// about the checkout it happens to run in.
func TestBuilderInfo(t *testing.T) {
	b := builderInfo()
	if b.Revision != "" || b.Module == "" {
		t.Errorf("builderInfo() = %+v, want a module and no revision", b)
	}
	revision = "0123abc"
	defer func() { revision = "" }()
	if b := builderInfo(); b.Revision != "0123abc" {
		t.Errorf("with -X main.revision=0123abc: %+v", b)
	}
}

// TestBuilderStamp: the toolchain's VCS stamp gives the revision and commit
// time, marked +dirty when the checkout was modified; a revision set at link
// time wins over the stamp.
func TestBuilderStamp(t *testing.T) {
	stamp := func(modified string) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "example.org/builder", Version: "v1.2.3"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "fedcba9"}, {Key: "vcs.time", Value: "2026-11-30T10:00:00Z"}, {Key: "vcs.modified", Value: modified},
		}}
	}
	for _, c := range []struct {
		modified string
		want     release.Builder
	}{
		{"false", release.Builder{Module: "example.org/builder", Version: "v1.2.3", Revision: "fedcba9", Time: "2026-11-30T10:00:00Z"}},
		{"true", release.Builder{Module: "example.org/builder", Version: "v1.2.3", Revision: "fedcba9+dirty", Time: "2026-11-30T10:00:00Z"}},
	} {
		if got := builderFrom(stamp(c.modified), true); got != c.want {
			t.Errorf("vcs.modified=%s: %+v, want %+v", c.modified, got, c.want)
		}
	}
	revision = "0123abc"
	defer func() { revision = "" }()
	if got := builderFrom(stamp("true"), true); got.Revision != "0123abc+dirty" {
		t.Errorf("with -X main.revision=0123abc: %+v", got)
	}
	if got := builderFrom(nil, false); got.Module != "github.com/nkcorpus/builder" || got.Version != "(devel)" {
		t.Errorf("no stamp: %+v", got)
	}
}
