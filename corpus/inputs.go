package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nkcorpus/builder/release"
)

// inputFile is one entry of the input folder, to be read or already known
// to be skipped.
type inputFile struct {
	path string // relative to the input folder, "/"-separated
	// stem is the path its records' ids start with: the path without its
	// extension, or with it when another input has the same stem.
	stem string
	abs  string
	size int64
	skip string // why it is not read; "" to read it
}

// listInputs walks the input folder in a fixed order. Hidden files and
// folders, symlinks leading outside the folder, special files and files over
// maxSize are listed with the reason they are skipped, so nothing vanishes.
func listInputs(root string, maxSize int64) ([]inputFile, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("input folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("input folder %s is not a folder", root)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("input folder: %w", err)
	}
	var files []inputFile
	err = filepath.WalkDir(root, func(abs string, d fs.DirEntry, err error) error {
		rel, relErr := filepath.Rel(root, abs)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return err
		}
		f := inputFile{path: rel, abs: abs}
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
		files = append(files, inspect(f, d, realRoot, maxSize))
		return nil
	})
	if err != nil {
		return nil, err
	}
	assignStems(files)
	return files, nil
}

// assignStems gives each input its id stem and puts the inputs in id order:
// by stem, so a release's records are sorted by id (path, then ordinal).
func assignStems(files []inputFile) {
	uses := map[string]int{}
	for _, f := range files {
		uses[strings.TrimSuffix(f.path, path.Ext(f.path))]++
	}
	for i, f := range files {
		files[i].stem = strings.TrimSuffix(f.path, path.Ext(f.path))
		if uses[files[i].stem] > 1 {
			files[i].stem = f.path // "a.txt" and "a.md" must not share ids
		}
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].stem != files[j].stem {
			return files[i].stem < files[j].stem
		}
		return files[i].path < files[j].path
	})
}

// inspect decides whether a non-folder entry can be read.
func inspect(f inputFile, d fs.DirEntry, realRoot string, maxSize int64) inputFile {
	if d.Type()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(f.abs)
		if err != nil {
			f.skip = "broken symlink: " + cause(err)
			return f
		}
		if !within(realRoot, target) {
			f.skip = "symlink leads outside the input folder, not followed (copy the file in to include it)"
			return f
		}
	}
	info, err := os.Stat(f.abs)
	switch {
	case err != nil:
		f.skip = unreadable(err)
	case info.IsDir():
		f.skip = "symlink to a folder, not followed (copy the folder in to include it)"
	case !info.Mode().IsRegular():
		f.skip = "not a regular file (a device, pipe or socket)"
	case info.Size() > maxSize:
		f.skip = fmt.Sprintf("too large: %d bytes, over the limit of %d (raise it with --max-file-size)", info.Size(), maxSize)
	}
	if info != nil {
		f.size = info.Size()
	}
	return f
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// unreadable is the skip reason for a file the builder may not read.
func unreadable(err error) string {
	return "unreadable: " + cause(err) + " (check the file's permissions)"
}

// cause strips the path an fs error repeats, since the manifest entry names
// the file already.
func cause(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
