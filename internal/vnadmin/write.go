package vnadmin

import (
	"encoding/csv"
	"os"
	"path/filepath"
)

// WriteCSVDir writes the tables of t into dir as units.csv, restructure.csv
// and documents.csv (UTF-8, comma-separated, "\n" line endings), creating dir
// if needed. Nil tables are skipped. Existing files of those names are
// replaced.
func WriteCSVDir(t *Tables, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		rows [][]string
	}{{"units.csv", t.Units}, {"restructure.csv", t.Restructure}, {"documents.csv", t.Documents}} {
		if f.rows == nil {
			continue
		}
		if err := writeCSV(filepath.Join(dir, f.name), f.rows); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes rows to a new file at path.
func writeCSV(path string, rows [][]string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	if err := w.WriteAll(rows); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
