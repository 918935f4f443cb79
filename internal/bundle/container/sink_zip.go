package container

import (
	"archive/zip"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
)

// zipSink writes a zip with one NAME.csv per file at its root, compressing
// rows as they come.
type zipSink struct {
	sinkFiles
	tmp      *tempFile
	zw       *zip.Writer
	attached map[string]bool // files/<sha256> written
}

func newZipSink(path string) (*zipSink, error) {
	tmp, err := newTempFile(path)
	if err != nil {
		return nil, err
	}
	return &zipSink{tmp: tmp, zw: zip.NewWriter(tmp)}, nil
}

// Create starts NAME.csv in the zip.
func (s *zipSink) Create(name string, header []string) (bundle.RowWriter, error) {
	return s.start(name, header, func(name string) (fileWriter, error) {
		w, err := s.zw.CreateHeader(&zip.FileHeader{Name: name + ".csv", Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			return nil, err
		}
		return newCSVFile(w, nil), nil
	})
}

// Close writes the zip directory and moves the zip onto its path. When a
// write failed it removes the zip instead and returns that error.
func (s *zipSink) Close() error {
	if s.closed {
		return nil
	}
	if err := s.finish(); err != nil {
		_ = s.tmp.remove()
		return err
	}
	if err := s.zw.Close(); err != nil {
		_ = s.tmp.remove()
		return err
	}
	return s.tmp.commit()
}

func (s *zipSink) discard() error {
	if s.closed {
		return nil
	}
	_ = s.finish()
	return s.tmp.remove()
}
