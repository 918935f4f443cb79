package sqldb

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// dataColumns returns the stored columns of a bundle file, in order: the
// file's columns, then seq (party only), then extra (the x_ columns as JSON).
func dataColumns(f *bundle.File) []string {
	cols := make([]string, 0, len(f.Columns)+2)
	for _, c := range f.Columns {
		cols = append(cols, c.Name)
	}
	if f.Sequenced {
		cols = append(cols, "seq")
	}
	return append(cols, "extra")
}

// recordArgs returns a record's values for dataColumns. For PostgreSQL's COPY
// dates must be time values; elsewhere they go as YYYY-MM-DD text.
func recordArgs(rec *bundle.Record, dst []any, copyDates bool) []any {
	for _, v := range rec.Vals {
		if d, ok := v.(tochuc.Date); ok {
			if copyDates {
				v = d.Time()
			} else {
				v = d.String()
			}
		}
		dst = append(dst, v)
	}
	if rec.File.Sequenced {
		dst = append(dst, int64(rec.Seq))
	}
	return append(dst, extraJSON(rec.Extra))
}

// extraJSON encodes x_ columns with sorted keys, so equal records give equal text.
func extraJSON(extra map[string]string) any {
	if len(extra) == 0 {
		return nil
	}
	b, _ := json.Marshal(extra) // maps marshal with sorted keys
	return string(b)
}

// parseExtra decodes the stored x_ columns.
func parseExtra(s string) map[string]string {
	if s == "" {
		return nil
	}
	var m map[string]string
	_ = json.Unmarshal([]byte(s), &m)
	return m
}

// sortedKeys returns a set's keys in order.
func sortedKeys(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }

// list joins column names with a prefix.
func list(prefix string, cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = prefix + c
	}
	return strings.Join(parts, ", ")
}

// derivedColumns are the stored columns computed from a file's own, after
// dataColumns: the sort key and the folded name of people (migration 0010),
// the folded words of a unit's name (0015). They are written with every row
// and never compared: they follow from the name.
func derivedColumns(f *bundle.File) []string {
	switch f.Name {
	case "people":
		return []string{"sort_key", "folded"}
	case "units":
		return []string{"words"}
	}
	return nil
}

// derivedArgs appends a record's values for derivedColumns.
func derivedArgs(rec *bundle.Record, col *textvn.Collator, dst []any) []any {
	switch rec.File.Name {
	case "people":
		name := rec.Str("full_name")
		return append(dst, col.Key(name), textvn.Fold(name))
	case "units":
		return append(dst, unitWords(rec.Str("name")))
	}
	return dst
}

// unitWords is a unit name's words, folded, joined by single spaces
// (units.words): "Xã Lục Sơn" is "xa luc son".
func unitWords(name string) string { return strings.Join(SearchWords(name), " ") }
