package main

import "testing"

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
