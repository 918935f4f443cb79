package vnadmin

import (
	"embed"
	"encoding/csv"
	"fmt"
)

// files holds units-pre2025.csv, units-2025.csv and merge-2025.csv, copied
// from shared/data/vn-admin (MIT licensed; see data/NOTICE.md).
//
//go:embed data/*.csv
var files embed.FS

// Notice is the text of data/NOTICE.md: the sources of the embedded lists and
// their MIT licences. Anything that ships the data (or tables built from it)
// must ship this notice too.
//
//go:embed data/NOTICE.md
var Notice string

// srcUnit is one row of units-pre2025.csv or units-2025.csv.
type srcUnit struct {
	code, name, typ, level, parent string
}

// srcMerge is one row of merge-2025.csv.
type srcMerge struct {
	oldCode, oldLevel, newCode, newLevel, portion string
}

// readCSV reads an embedded file and checks its header.
func readCSV(name string, header ...string) ([][]string, error) {
	f, err := files.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(header)
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("vnadmin: %s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("vnadmin: %s: empty file", name)
	}
	for i, h := range header {
		if rows[0][i] != h {
			return nil, fmt.Errorf("vnadmin: %s: column %d is %q, want %q", name, i+1, rows[0][i], h)
		}
	}
	return rows[1:], nil
}

// readUnits reads one of the two unit lists.
func readUnits(name string) ([]srcUnit, error) {
	rows, err := readCSV(name, "code", "name", "type", "level", "parent_code")
	if err != nil {
		return nil, err
	}
	out := make([]srcUnit, len(rows))
	for i, r := range rows {
		out[i] = srcUnit{code: r[0], name: r[1], typ: r[2], level: r[3], parent: r[4]}
	}
	return out, nil
}

// readMerges reads merge-2025.csv.
func readMerges() ([]srcMerge, error) {
	rows, err := readCSV("merge-2025.csv", "old_code", "old_level", "new_code", "new_level", "portion")
	if err != nil {
		return nil, err
	}
	out := make([]srcMerge, len(rows))
	for i, r := range rows {
		out[i] = srcMerge{oldCode: r[0], oldLevel: r[1], newCode: r[2], newLevel: r[3], portion: r[4]}
	}
	return out, nil
}
