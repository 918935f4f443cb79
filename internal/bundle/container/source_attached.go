package container

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tochuc/tochuc/internal/bundle"
)

// Attached files' content (bundle-v1 amendment 3) travels beside the CSV
// files as files/<sha256>: in the bundle's directory, or in the zip's
// folder that holds the bundle. It counts against the zip's limits as any
// entry does; each content is read through bundle.MaxAttachedFile.

// OpenAttached implements bundle.AttachedSource: dir/files/<sha256>.
func (s *dirSource) OpenAttached(sha string) (io.ReadCloser, error) {
	if !bundle.ValidSHA256(sha) {
		return nil, fmt.Errorf("%q: %w", sha, fs.ErrNotExist)
	}
	p := filepath.Join(s.dir, bundle.AttachedFolder, sha)
	fi, err := os.Stat(p) // follows symbolic links, as the CSV files do
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist)
	}
	return os.Open(p)
}

// OpenAttached implements bundle.AttachedSource: files/<sha256> beside the
// zip's CSV files.
func (s *zipSource) OpenAttached(sha string) (io.ReadCloser, error) {
	f, ok := s.attached[sha]
	if !ok {
		return nil, fmt.Errorf("%s/%s: %w", bundle.AttachedFolder, sha, fs.ErrNotExist)
	}
	return s.zr.open(f)
}

// OpenAttached implements bundle.AttachedSource: a workbook carries no file.
func (s *xlsxSource) OpenAttached(string) (io.ReadCloser, error) {
	return nil, bundle.ErrNoAttached
}
