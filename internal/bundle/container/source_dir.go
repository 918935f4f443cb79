package container

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// OpenSource opens the bundle at path: a directory of CSV files, a .zip of
// them (at its root or in one top folder) or an .xlsx workbook with one sheet
// per file. Hidden files and subdirectories are ignored; other files that are
// not CSV are listed under their full base name (e.g. "notes.txt") so that
// the caller can report them.
func OpenSource(path string) (bundle.Source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return openDir(path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		return openZip(path)
	case ".xlsx":
		return openXLSX(path)
	}
	return nil, fmt.Errorf("%s: not a bundle (want a directory, a .zip or an .xlsx file)", path)
}

// manifestName is the bundle's manifest (internal/bundle/manifest), read
// by the importer before the bundle: never a file of the bundle.
const manifestName = "manifest.json"

// dirSource is a directory of CSV files.
type dirSource struct {
	dir   string
	files map[string]string // name -> base name of the file
	names []string
	csv   map[string]bool // names that are CSV files
}

func openDir(dir string) (*dirSource, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	s := &dirSource{dir: dir, files: map[string]string{}, csv: map[string]bool{}}
	for _, e := range entries {
		base := e.Name()
		if hiddenName(base) || base == manifestName {
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, base)) // follows symbolic links
		if err != nil {
			return nil, err
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		name, isCSV := csvName(base)
		if other, dup := s.files[name]; dup {
			return nil, fmt.Errorf("%s: %s and %s give the same file name %q", dir, other, base, name)
		}
		s.files[name] = base
		s.csv[name] = isCSV
		s.names = append(s.names, name)
	}
	slices.Sort(s.names)
	return s, nil
}

// Names lists the files of the directory, sorted.
func (s *dirSource) Names() []string { return slices.Clone(s.names) }

// Open streams the rows of a CSV file of the directory.
func (s *dirSource) Open(name string) (bundle.RowReader, error) {
	base, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("%s.csv: no such file in %s", name, s.dir)
	}
	if !s.csv[name] {
		return nil, fmt.Errorf("%s: not a CSV file", base)
	}
	f, err := os.Open(filepath.Join(s.dir, base))
	if err != nil {
		return nil, err
	}
	return newCSVReader(f, f), nil
}

// Location is the file name, e.g. "units.csv".
func (s *dirSource) Location(name string) string {
	if base, ok := s.files[name]; ok {
		return base
	}
	return name + ".csv"
}

// Close does nothing: files are opened by Open and closed by their reader.
func (s *dirSource) Close() error { return nil }
