package bundle

import (
	"fmt"
	"io"
	"sort"
)

// Tables is a bundle held in memory: for each file name, its rows with the
// header first. It is a Source, so that changes made by the program (a
// restructuring, a form in the web app) go through the same checks and
// storage as an import.
type Tables map[string][][]string

// Names implements Source.
func (t Tables) Names() []string {
	names := make([]string, 0, len(t))
	for n := range t {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Open implements Source.
func (t Tables) Open(name string) (RowReader, error) {
	rows, ok := t[name]
	if !ok {
		return nil, fmt.Errorf("no file %s", name)
	}
	return &memReader{rows: rows}, nil
}

// Location implements Source.
func (t Tables) Location(name string) string { return name + ".csv" }

// Close implements Source.
func (t Tables) Close() error { return nil }

// Add appends a row to a file, starting it with the file's full header.
func (t Tables) Add(file string, row map[string]string) {
	f := FileByName(file)
	if _, ok := t[file]; !ok {
		h := make([]string, len(f.Columns))
		for i, c := range f.Columns {
			h[i] = c.Name
		}
		t[file] = [][]string{h}
	}
	cells := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cells[i] = row[c.Name]
	}
	t[file] = append(t[file], cells)
}

type memReader struct {
	rows [][]string
	i    int
}

func (r *memReader) Next() ([]string, error) {
	if r.i >= len(r.rows) {
		return nil, io.EOF
	}
	r.i++
	return r.rows[r.i-1], nil
}

func (r *memReader) Line() int    { return r.i }
func (r *memReader) Close() error { return nil }
