package release

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// A release to check or compare may come from anywhere, so it is read
// through an [os.Root] and only its regular files are read: never a path
// that leaves its folder, nor a symbolic link, a device (/dev/zero never
// ends) or a named pipe (which blocks until someone writes).

// maxDocument bounds the documents read whole: the manifest, SHA256SUMS,
// the card and the Croissant file.
const maxDocument = 256 << 20

// openRegular opens name, a /-separated path inside root, if it is a
// regular file; it checks the file it opened, not only the path, so a file
// swapped in meanwhile is refused too.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return nil, nil, errors.New("not a path inside the release folder")
	}
	before, err := root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%w in the release", fs.ErrNotExist)
	}
	if err != nil {
		return nil, nil, err
	}
	if !before.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s, not a regular file", fileKind(before.Mode()))
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, nil, err
	}
	after, err := f.Stat()
	if err == nil && !os.SameFile(before, after) {
		err = errors.New("replaced while being opened")
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, after, nil
}

// readDocument reads a regular file of root whole, up to maxDocument bytes.
func readDocument(root *os.Root, name string) ([]byte, error) {
	f, _, err := openRegular(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDocument+1))
	if err == nil && len(data) > maxDocument {
		err = fmt.Errorf("larger than %d bytes", maxDocument)
	}
	return data, err
}

// fileKind names what a file that is not regular is.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
