package container

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// CreateSink starts writing a bundle at path, in the form its extension
// names: ".zip" gives a zip with one NAME.csv per file at its root, ".xlsx" a
// workbook with one sheet per file, anything else a directory of CSV files
// (created if missing; an existing one must be empty). A .zip or .xlsx is
// written to a temporary file next to path and renamed onto path (replacing
// any file there) by Close, so a failed export leaves no partial file.
// CSV files are UTF-8 without BOM, comma-separated, with "\n" line ends.
//
// Rows must have as many cells as the header. After a failure, call Discard
// rather than Close.
func CreateSink(path string) (bundle.Sink, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		return newZipSink(path)
	case ".xlsx":
		return newXLSXSink(path)
	}
	return newDirSink(path)
}

// Discard abandons a sink created by CreateSink: it removes the temporary
// file of a .zip or .xlsx, or the files written so far into a directory (and
// the directory if CreateSink made it). A sink that is already closed is
// left as it is.
func Discard(s bundle.Sink) error {
	if d, ok := s.(interface{ discard() error }); ok {
		return d.discard()
	}
	return s.Close()
}

// fileWriter is what each form of sink provides to write one file.
type fileWriter interface {
	write(row []string) error
	close() error
}

// sinkFiles holds what all sinks share: the names used, the file being
// written, the first error met, whether the sink is closed.
type sinkFiles struct {
	names  map[string]bool
	open   *sinkFile
	err    error
	closed bool
}

// start checks a new file and starts it with create, then writes the header.
func (s *sinkFiles) start(name string, header []string, create func(name string) (fileWriter, error)) (bundle.RowWriter, error) {
	switch {
	case s.closed:
		return nil, errors.New("bundle sink is closed")
	case s.err != nil:
		return nil, s.err
	case s.open != nil:
		return nil, fmt.Errorf("create %s: file %s is still being written", name, s.open.name)
	case name == "" || strings.ContainsAny(name, `/\:`+"\x00") || hiddenName(name):
		return nil, fmt.Errorf("invalid bundle file name %q", name)
	case s.names[name]:
		return nil, fmt.Errorf("bundle file %s written twice", name)
	case len(header) == 0:
		return nil, fmt.Errorf("%s: empty header", name)
	}
	w, err := create(name)
	if err != nil {
		s.err = err
		return nil, err
	}
	if s.names == nil {
		s.names = map[string]bool{}
	}
	s.names[name] = true
	s.open = &sinkFile{s: s, name: name, width: len(header), w: w}
	if err := s.open.Write(header); err != nil {
		return nil, err
	}
	return s.open, nil
}

// finish closes the file being written, if any, and marks the sink closed.
// It returns the first error the sink met.
func (s *sinkFiles) finish() error {
	if s.open != nil {
		_ = s.open.Close()
	}
	s.closed = true
	return s.err
}

// sinkFile is the RowWriter of one file of a sink.
type sinkFile struct {
	s     *sinkFiles
	name  string
	width int
	w     fileWriter
}

// Write writes one row; it must have as many cells as the header.
func (f *sinkFile) Write(row []string) error {
	if f.s.open != f {
		return fmt.Errorf("%s: write after close", f.name)
	}
	if f.s.err != nil {
		return f.s.err
	}
	if len(row) != f.width {
		return fmt.Errorf("%s: row of %d cells, header has %d", f.name, len(row), f.width)
	}
	if err := f.w.write(row); err != nil {
		f.s.err = fmt.Errorf("%s: %w", f.name, err)
		return f.s.err
	}
	return nil
}

// Close ends the file.
func (f *sinkFile) Close() error {
	if f.s.open != f {
		return nil
	}
	f.s.open = nil
	if err := f.w.close(); err != nil && f.s.err == nil {
		f.s.err = fmt.Errorf("%s: %w", f.name, err)
	}
	return f.s.err
}

// csvFile writes one CSV file to w, which closer (if not nil) closes.
type csvFile struct {
	c      *csv.Writer
	closer io.Closer
}

func newCSVFile(w io.Writer, closer io.Closer) *csvFile {
	return &csvFile{c: csv.NewWriter(w), closer: closer}
}

func (f *csvFile) write(row []string) error { return f.c.Write(row) }

func (f *csvFile) close() error {
	f.c.Flush()
	err := f.c.Error()
	if f.closer != nil {
		if cerr := f.closer.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// dirSink writes a directory of CSV files.
type dirSink struct {
	sinkFiles
	dir      string
	created  bool            // the directory was made by CreateSink
	attached map[string]bool // files/<sha256> written
}

func newDirSink(dir string) (*dirSink, error) {
	s := &dirSink{dir: dir}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		s.created = true
	case err != nil:
		return nil, err
	case !fi.IsDir():
		return nil, fmt.Errorf("%s exists and is not a directory (a bundle file must end in .zip or .xlsx)", dir)
	default:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		if len(entries) > 0 {
			return nil, fmt.Errorf("%s: directory is not empty", dir)
		}
	}
	return s, nil
}

// Create starts NAME.csv in the directory.
func (s *dirSink) Create(name string, header []string) (bundle.RowWriter, error) {
	return s.start(name, header, func(name string) (fileWriter, error) {
		f, err := os.OpenFile(filepath.Join(s.dir, name+".csv"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		return newCSVFile(f, f), nil
	})
}

// Close ends the last file.
func (s *dirSink) Close() error {
	if s.closed {
		return nil
	}
	return s.finish()
}

func (s *dirSink) discard() error {
	if s.closed {
		return nil
	}
	_ = s.finish()
	var errs []error
	for name := range s.names {
		if err := os.Remove(filepath.Join(s.dir, name+".csv")); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	errs = append(errs, s.discardAttached()...)
	if s.created {
		errs = append(errs, os.Remove(s.dir))
	}
	return errors.Join(errs...)
}

// tempFile is the file a .zip or .xlsx is written to before it is renamed
// onto its path.
type tempFile struct {
	*os.File
	target string
}

func newTempFile(target string) (*tempFile, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &tempFile{File: f, target: target}, nil
}

// commit closes the file and renames it onto the target; on failure it
// removes it.
func (t *tempFile) commit() error {
	err := t.Sync()
	if cerr := t.File.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(t.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(t.Name(), t.target)
	}
	if err != nil {
		_ = os.Remove(t.Name())
	}
	return err
}

// remove closes and removes the file.
func (t *tempFile) remove() error {
	_ = t.File.Close()
	return os.Remove(t.Name())
}
