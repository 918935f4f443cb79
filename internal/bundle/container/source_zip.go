package container

import (
	"archive/zip"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// zipSource is a .zip of CSV files, at its root or in one top folder. Files
// are decompressed while they are read, held to the limits of limits.go.
type zipSource struct {
	base  string // base name of the zip, for Location
	zr    *zipFile
	files map[string]*zip.File
	names []string
	// attached holds the attached files' content: files/<sha256> in the
	// bundle's folder, by SHA-256.
	attached map[string]*zip.File
}

// zipEntry is a file of the zip with its cleaned path split on "/".
type zipEntry struct {
	f     *zip.File
	parts []string
}

func openZip(p string) (*zipSource, error) {
	zr, err := openZipFile(p, "gói nén", "zip")
	if err != nil {
		return nil, err
	}
	s := &zipSource{base: filepath.Base(p), zr: zr, files: map[string]*zip.File{}, attached: map[string]*zip.File{}}
	if err := s.index(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%s: %w", s.base, err)
	}
	return s, nil
}

// index picks the folder holding the bundle and lists its files. The files
// are at the root when a CSV file is there, else in the one top folder that
// holds CSV files.
func (s *zipSource) index() error {
	var entries []zipEntry
	rootCSV := false
	folders := map[string]bool{}
	for _, f := range s.zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if f.FileInfo().IsDir() || strings.HasSuffix(name, "/") {
			continue
		}
		name = strings.TrimPrefix(path.Clean("/"+name), "/")
		parts := strings.Split(name, "/")
		if parts[0] == "__MACOSX" || slices.ContainsFunc(parts, hiddenName) || parts[len(parts)-1] == manifestName {
			continue
		}
		entries = append(entries, zipEntry{f, parts})
		if _, isCSV := csvName(parts[len(parts)-1]); isCSV {
			switch len(parts) {
			case 1:
				rootCSV = true
			case 2:
				folders[parts[0]] = true
			}
		}
	}
	var dir []string // the folder holding the bundle, as path parts
	if !rootCSV && len(folders) > 1 {
		return fmt.Errorf("CSV files in several folders (%s): put them at the root of the zip or in one folder",
			strings.Join(slices.Sorted(maps.Keys(folders)), ", "))
	}
	if !rootCSV && len(folders) == 1 {
		dir = slices.Collect(maps.Keys(folders))
	}
	for _, e := range entries {
		if len(e.parts) == len(dir)+2 && slices.Equal(e.parts[:len(dir)], dir) && e.parts[len(dir)] == bundle.AttachedFolder {
			if sha := e.parts[len(dir)+1]; bundle.ValidSHA256(sha) {
				if _, dup := s.attached[sha]; dup {
					return fmt.Errorf("%s appears twice", e.f.Name)
				}
				s.attached[sha] = e.f
			}
			continue
		}
		if len(e.parts) != len(dir)+1 || !slices.Equal(e.parts[:len(dir)], dir) {
			continue
		}
		name, _ := csvName(e.parts[len(dir)])
		if other, dup := s.files[name]; dup {
			return fmt.Errorf("%s and %s give the same file name %q", other.Name, e.f.Name, name)
		}
		s.files[name] = e.f
		s.names = append(s.names, name)
	}
	slices.Sort(s.names)
	return nil
}

// Names lists the files of the bundle folder of the zip, sorted.
func (s *zipSource) Names() []string { return slices.Clone(s.names) }

// Open streams the rows of a CSV file of the zip.
func (s *zipSource) Open(name string) (bundle.RowReader, error) {
	f, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("%s.csv: no such file in %s", name, s.base)
	}
	if _, isCSV := csvName(path.Base(f.Name)); !isCSV {
		return nil, fmt.Errorf("%s: not a CSV file", f.Name)
	}
	rc, err := s.zr.open(f)
	if err != nil {
		return nil, err
	}
	return newCSVReader(rc, rc), nil
}

// Location is the zip and the file inside it, e.g. "bundle.zip:units.csv".
func (s *zipSource) Location(name string) string {
	if f, ok := s.files[name]; ok {
		return s.base + ":" + f.Name
	}
	return s.base + ":" + name + ".csv"
}

// Close closes the zip.
func (s *zipSource) Close() error { return s.zr.Close() }
