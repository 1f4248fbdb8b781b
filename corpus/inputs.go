package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/nkcorpus/builder/release"
	"github.com/nkcorpus/builder/schema"
)

// inputFile is one entry of the input folder, to be read or already known
// to be skipped.
type inputFile struct {
	path string // relative to the input folder, "/"-separated, as on disk
	// name is path as every output spells it: [schema.EscapePath].
	name string
	// stem is what its records' ids start with: name without its
	// extension, or with it when another input's would be the same.
	stem string
	abs  string
	size int64
	// info is the file as listed (a symlink's target), which the file
	// opened must still be.
	info   fs.FileInfo
	follow bool   // a symlink inside the folder, opened through it
	skip   string // why it is not read; "" to read it
}

// Errors of the input folder as a whole.
var (
	ErrNoInputs = errors.New("no input file to read")
	ErrOverlap  = errors.New("the output folder is inside the input folder")
)

// listInputs walks the input folder (reached through symlinks, if it is
// one) in a fixed order. Hidden files and folders, symlinks leading outside
// the folder or to hidden files, and special files are listed with the
// reason they are skipped, so nothing vanishes. A folder with nothing to
// read is an error.
func listInputs(ctx context.Context, root string) ([]inputFile, error) {
	realRoot, err := inputRoot(root)
	if err != nil {
		return nil, err
	}
	var files []inputFile
	err = filepath.WalkDir(realRoot, func(abs string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rel, relErr := filepath.Rel(realRoot, abs)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return err
		}
		f := inputFile{path: rel, name: schema.EscapePath(rel), abs: abs}
		if err != nil {
			// An unreadable folder: skip it, keep walking.
			f.skip = unreadable(err)
			files = append(files, f)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == SourcesFile || rel == release.DatasetFile {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			f.skip = "hidden file, not read (rename it without the leading dot to include it)"
			if d.IsDir() {
				f.skip = "hidden folder, not read (rename it without the leading dot to include it)"
				files = append(files, f)
				return fs.SkipDir
			}
			files = append(files, f)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		files = append(files, inspect(f, d, realRoot))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := someToRead(root, files); err != nil {
		return nil, err
	}
	assignStems(files)
	return files, nil
}

// inputRoot is the real, absolute path of the input folder, which must be
// one.
func inputRoot(root string) (string, error) {
	info, err := os.Stat(root)
	if err != nil {
		return "", fmt.Errorf("input folder: %w", err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("input folder %s is not a folder", root)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("input folder: %w", err)
	}
	realRoot, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("input folder: %w", err)
	}
	return realRoot, nil
}

// someToRead fails a listing that found no file to read.
func someToRead(root string, files []inputFile) error {
	for _, f := range files {
		if f.skip == "" {
			return nil
		}
	}
	if len(files) == 0 {
		return fmt.Errorf("input folder %s: %w: it holds no files (besides a %s, if any)", root, ErrNoInputs, SourcesFile)
	}
	return fmt.Errorf("input folder %s: %w: all %d of its entries are skipped, the first (%s) as %s", root, ErrNoInputs, len(files), files[0].name, files[0].skip)
}

// checkOverlap refuses an output folder that is the input folder or inside
// it, where a build would read the releases, lock and temporary folders of
// the builds before it as captures.
func checkOverlap(input, output string) error {
	in, err := inputRoot(input)
	if err != nil {
		return err
	}
	out, err := realPath(output)
	if err != nil {
		return err
	}
	if within(in, out) {
		return fmt.Errorf("--output %s, --input %s: %w, where a build would read the releases before it as captures; choose an output folder outside the input folder", output, input, ErrOverlap)
	}
	return nil
}

// realPath is p with every symlink resolved, for a path whose last
// components may not exist yet.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	missing := ""
	for {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(real, missing), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, missing), nil
		}
		missing = filepath.Join(filepath.Base(abs), missing)
		abs = parent
	}
}

// assignStems gives each input its id stem and puts the inputs in id order:
// by stem, so a release's records are sorted by id (path, then ordinal).
// Stems are unique by construction: an input whose stem another input also
// has, as its stem or as its whole name, falls back to its whole name, until
// no two inputs share one ("a.txt", "a.md" and "a.txt.md" are "a.txt",
// "a.md" and "a.txt.md"). Names are unique, so this ends.
func assignStems(files []inputFile) {
	for i, f := range files {
		files[i].stem = stemOf(f.name)
	}
	for changed := true; changed; {
		changed = false
		uses := map[string]int{}
		for _, f := range files {
			uses[f.stem]++
		}
		for i, f := range files {
			if uses[f.stem] > 1 && f.stem != f.name {
				files[i].stem, changed = f.name, true
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].stem < files[j].stem })
}

// compressedExtensions are the extensions of compressed files, whose stem
// drops the extension under them too: "crawl.warc.gz" is "crawl".
var compressedExtensions = map[string]bool{".gz": true, ".zst": true, ".zstd": true, ".bz2": true}

// stemOf is a path without its extension.
func stemOf(p string) string {
	ext := path.Ext(p)
	stem := strings.TrimSuffix(p, ext)
	if compressedExtensions[strings.ToLower(ext)] {
		stem = strings.TrimSuffix(stem, path.Ext(stem))
	}
	return stem
}

// inspect decides whether a non-folder entry can be read.
func inspect(f inputFile, d fs.DirEntry, realRoot string) inputFile {
	if d.Type()&fs.ModeSymlink != 0 {
		if f.skip = followable(f.abs, realRoot); f.skip != "" {
			return f
		}
		f.follow = true
	}
	info, err := os.Stat(f.abs)
	switch {
	case err != nil:
		f.skip = unreadable(err)
		return f
	case info.IsDir():
		f.skip = "symlink to a folder, not followed (copy the folder in to include it)"
	case !info.Mode().IsRegular():
		f.skip = "not a regular file (a device, pipe or socket)"
	}
	f.size, f.info = info.Size(), info
	return f
}

// followable is why the symlink at abs is not followed, or "" to follow it:
// it must lead to a file inside the input folder that is read in its own
// right (not hidden, not the sources table).
func followable(abs, realRoot string) string {
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "broken symlink: " + cause(err)
	}
	if !within(realRoot, target) {
		return "symlink leads outside the input folder, not followed (copy the file in to include it)"
	}
	rel, _ := filepath.Rel(realRoot, target)
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return "symlink to a hidden file or folder, not followed (hidden files are not read)"
		}
	}
	if filepath.ToSlash(rel) == SourcesFile {
		return "symlink to " + SourcesFile + ", which is not a capture"
	}
	return ""
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// errChanged is a file that is not, when opened, what was listed.
var errChanged = errors.New("changed while the build ran: it is no longer the file listed (replaced, or a symlink swapped in); build again")

// openListed opens an input file without following a symlink that was not
// one when listed, nor blocking on a pipe put in its place, and checks that
// what it opened is the file listed.
func openListed(f inputFile) (*os.File, error) {
	flags := os.O_RDONLY | syscall.O_NONBLOCK
	if !f.follow {
		flags |= syscall.O_NOFOLLOW
	}
	fh, err := openFile(f.abs, flags, 0)
	if errors.Is(err, syscall.ELOOP) && !f.follow {
		return nil, errChanged
	}
	if err != nil {
		return nil, err
	}
	info, err := fh.Stat()
	if err == nil && !os.SameFile(info, f.info) {
		err = errChanged
	}
	if err != nil {
		fh.Close()
		return nil, err
	}
	return fh, nil
}

// openFile opens a file; tests replace it to simulate files the builder may
// not read, which root can always read.
var openFile = os.OpenFile

// openRegular opens a file the build reads whole (sources.tsv, a
// gazetteer), which must be a regular file of at most limit bytes: a pipe
// or a device would block the build or never end. O_NONBLOCK makes opening
// a pipe return at once; it changes nothing for a regular file.
func openRegular(name string, flags int, limit int64) (*os.File, error) {
	fh, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|flags, 0)
	if err != nil {
		return nil, err
	}
	info, err := fh.Stat()
	switch {
	case err != nil:
	case !info.Mode().IsRegular():
		err = fmt.Errorf("%s is not a regular file (a device, pipe or socket)", name)
	case info.Size() > limit:
		err = fmt.Errorf("%s is %d bytes, over the limit of %d", name, info.Size(), limit)
	}
	if err != nil {
		fh.Close()
		return nil, err
	}
	return fh, nil
}

// readRegular reads a file as openRegular opens it; it stops at the limit
// however the file grows meanwhile.
func readRegular(name string, flags int, limit int64) ([]byte, error) {
	fh, err := openRegular(name, flags, limit)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	raw, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err == nil && int64(len(raw)) > limit {
		err = fmt.Errorf("%s grew over the limit of %d bytes while it was read", name, limit)
	}
	return raw, err
}

// unreadable is the skip reason for a file the builder could not open or
// stat, saying what happened and, where there is one, what to do.
func unreadable(err error) string {
	advice := ""
	switch {
	case errors.Is(err, errChanged):
		return err.Error()
	case errors.Is(err, fs.ErrPermission):
		advice = " (check the file's permissions)"
	case errors.Is(err, syscall.ENAMETOOLONG):
		advice = " (its path is over the system's limit; shorten the names of the folders above it)"
	case errors.Is(err, syscall.ELOOP):
		advice = " (symlinks lead to each other in a loop)"
	}
	return "unreadable: " + cause(err) + advice
}

// cause strips the path an fs error repeats, since the manifest entry names
// the file already.
func cause(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
