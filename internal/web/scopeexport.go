package web

import (
	"github.com/tochuc/tochuc/internal/bundle"
)

// scopedStore is the part of the registry that belongs to a scope, for an
// export: the units ever under the scope unit with all their versions, the
// people who held posts or were members there, and the records of both.
// Posts and membership events in units outside the scope are left out.
type scopedStore struct {
	bundle.Store
	units, people map[string]bool
}

// keep reports whether a record (cells aligned to f.Columns) belongs to the scope.
func (s scopedStore) keep(f *bundle.File, cells []string) bool {
	v := func(col string) string { return cells[f.Index(col)] }
	switch f.Name {
	case "units":
		return s.units[v("id")]
	case "people":
		return s.people[v("id")]
	case "qualifications":
		return s.people[v("person_id")]
	case "party":
		return s.people[v("person_id")] && (v("unit_id") == "" || s.units[v("unit_id")])
	case "assignments", "headcount", "plans":
		return s.units[v("unit_id")]
	case "documents":
		return s.units[v("issuer_id")]
	case "restructure":
		return s.units[v("from_unit_id")] || s.units[v("to_unit_id")]
	case "evaluations":
		if v("subject_type") == "person" {
			return s.people[v("subject_id")]
		}
		return s.units[v("subject_id")]
	}
	return false
}

// Records implements bundle.Store, keeping the scope's records only.
func (s scopedStore) Records(f *bundle.File, fn func(cells []string, extra map[string]string) error) error {
	return s.Store.Records(f, func(cells []string, extra map[string]string) error {
		if !s.keep(f, cells) {
			return nil
		}
		return fn(cells, extra)
	})
}
