package container

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
)

// startAttached checks that files/<sha256> may start now: the sink is open,
// no CSV file is being written, the content was not written before.
func (s *sinkFiles) startAttached(sha string, written map[string]bool) error {
	switch {
	case s.closed:
		return errors.New("bundle sink is closed")
	case s.err != nil:
		return s.err
	case s.open != nil:
		return fmt.Errorf("%s/%s: file %s is still being written", bundle.AttachedFolder, sha, s.open.name)
	case !bundle.ValidSHA256(sha):
		return fmt.Errorf("invalid attached file name %q", sha)
	case written[sha]:
		return fmt.Errorf("%s/%s written twice", bundle.AttachedFolder, sha)
	}
	return nil
}

// CreateAttached implements bundle.AttachedSink: files/<sha256> in the zip,
// stored as it is (PDF, images and office files are compressed already).
// It must be closed before anything else is written.
func (s *zipSink) CreateAttached(sha string) (io.WriteCloser, error) {
	if err := s.startAttached(sha, s.attached); err != nil {
		return nil, err
	}
	w, err := s.zw.CreateHeader(&zip.FileHeader{Name: bundle.AttachedFolder + "/" + sha, Method: zip.Store, Modified: time.Now()})
	if err != nil {
		s.err = err
		return nil, err
	}
	if s.attached == nil {
		s.attached = map[string]bool{}
	}
	s.attached[sha] = true
	return nopCloser{w}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// CreateAttached implements bundle.AttachedSink: dir/files/<sha256>.
func (s *dirSink) CreateAttached(sha string) (io.WriteCloser, error) {
	if err := s.startAttached(sha, s.attached); err != nil {
		return nil, err
	}
	dir := filepath.Join(s.dir, bundle.AttachedFolder)
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, sha), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if s.attached == nil {
		s.attached = map[string]bool{}
	}
	s.attached[sha] = true
	return f, nil
}

// discardAttached removes the attached files a directory sink wrote.
func (s *dirSink) discardAttached() []error {
	var errs []error
	for sha := range s.attached {
		if err := os.Remove(filepath.Join(s.dir, bundle.AttachedFolder, sha)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(s.attached) > 0 {
		if err := os.Remove(filepath.Join(s.dir, bundle.AttachedFolder)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errs
}
