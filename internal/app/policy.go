package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The scope policy: one rule for what an account may read and write, derived
// from the bundle's schema — each file's Span (the dates a row covers) and
// each column that names a unit or a person (Ref, RefVia, Self) — so that a
// new file or column cannot be left out.
//
// Writing a row (adding, ending or retracting it): every unit the row names
// must lie inside the scope on every date the row covers (those of them on
// which the unit exists; a row dated outside the unit's life is judged on the
// unit's nearest day), and every person it names must be inside the scope on
// the row's first date — or, when the person was nowhere on that date, on
// their home date (tochuc.HomeDate) — judged as the registry stood before the
// change. A person with no post and no membership anywhere ("unplaced", just
// entered) may be placed by any writer. A row naming no unit and no person
// belongs to no scope. Timeless rows (a person's record, qualifications) are
// judged on the person's home date.
//
// Reading a row: every unit it names lies inside the scope on some date the
// row covers, and every person it names has had a post or membership inside
// the scope at some date. Documents issued by a unit above the scope (the
// directives it works under) can be read too.

// rowRefs is what the policy reads of a row.
type rowRefs struct {
	span     tochuc.Period // the dates covered (To 0: open)
	timeless bool
	units    []ref
	persons  []ref
	docs     []ref  // documents named in the row's key: the row is a part of them
	self     string // a units row: the unit's id
}

// ref is a unit or person named by a row, and the column naming it.
type ref struct {
	col, id string
}

// refsOf reads the dates and references of a row (cells aligned to f.Columns).
func refsOf(f *bundle.File, cells []string) rowRefs {
	val := func(col string) string {
		if i := f.Index(col); i >= 0 && i < len(cells) {
			return cells[i]
		}
		return ""
	}
	var r rowRefs
	sp := f.Span
	switch {
	case sp.Timeless:
		r.timeless = true
	case sp.Year != "":
		if y, err := strconv.Atoi(val(sp.Year)); err == nil {
			d := tochuc.NewDate(y, 12, 31)
			r.span = tochuc.Period{From: d, To: d.AddDays(1)}
		}
	default:
		from, _ := tochuc.ParseDate(val(sp.From))
		r.span.From = from
		if sp.To == "" {
			r.span.To = from.AddDays(1)
		} else if to, err := tochuc.ParseDate(val(sp.To)); err == nil {
			r.span.To = to
		}
		if from == 0 || !r.span.Valid() {
			r.span = tochuc.Period{}
		}
	}
	for i, c := range f.Columns {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		if v == "" {
			continue
		}
		file := c.RefFile(val(c.RefVia))
		if file == "documents" && slices.Contains(f.Key, c.Name) {
			r.docs = append(r.docs, ref{c.Name, v})
			continue
		}
		if c.Name == "id" {
			file = f.Self
			if file == "units" { // a unit is judged by the units it sits under (see self)
				r.self = v
				continue
			}
		}
		switch file {
		case "units":
			r.units = append(r.units, ref{c.Name, v})
		case "people":
			r.persons = append(r.persons, ref{c.Name, v})
		}
	}
	return r
}

// scopeView is one state of the registry as the policy sees it: which units
// lie inside the scope when, and where the people named are.
type scopeView struct {
	sm     *tochuc.ScopeMap
	places map[string][]tochuc.Place // by person; a person absent is not held
	// docs holds the documents parts of documents are judged by: their cells
	// by id (nil: not held).
	docs  map[string][]string
	today tochuc.Date
}

// documentsFile is the file a part of a document is judged by.
var documentsFile = bundle.FileByName("documents")

// partOfDocuments reports whether a row is judged by the documents it is a
// part of: it names no unit and no person, and some document in its key.
func (r rowRefs) partOfDocuments() bool {
	return len(r.units) == 0 && len(r.persons) == 0 && r.self == "" && len(r.docs) > 0
}

// unitIn reports whether a unit lies inside the scope on every date (all) or
// on some date of the span.
func (v *scopeView) unitIn(id string, span tochuc.Period, all bool) bool {
	ex := v.sm.Exists(id)
	if len(ex) == 0 {
		return false // not under the scope at any time (or unknown)
	}
	dates := ex.Clip(span)
	if span.From == 0 {
		dates = ex
	}
	if len(dates) == 0 {
		d, _ := ex.Around(span.From)
		dates = tochuc.PeriodSet{{From: d, To: d.AddDays(1)}}
	}
	in := v.sm.In(id)
	if all {
		return in.CoversSet(dates)
	}
	return len(in.Intersect(dates)) > 0
}

// isRoot reports whether a unit is one the scope starts from (the scope
// unit, or one that carries it on) on every date of the span.
func (v *scopeView) isRoot(id string, span tochuc.Period) bool {
	return id != "" && v.sm.Roots(id).Covers(span)
}

// personWritable reports whether a person may be written about on a date
// (0: a timeless fact), by the rule above.
func (v *scopeView) personWritable(id string, d tochuc.Date) bool {
	places, held := v.places[id]
	if !held || !tochuc.Placed(places) {
		return true // new, or unplaced
	}
	in := v.sm.PlacesIn(places)
	if d != 0 {
		if in.Contains(d) {
			return true
		}
		for _, p := range places {
			if p.Contains(d) {
				return false // somewhere else on that date
			}
		}
	}
	home := tochuc.HomeDate(places, 0, v.today)
	return home != 0 && in.Contains(home)
}

// personReadable reports whether a person has had a post or membership
// inside the scope at some date.
func (v *scopeView) personReadable(id string) bool {
	return len(v.sm.PlacesIn(v.places[id])) > 0
}

// writable checks a row to be written; it returns "" or why not.
func (v *scopeView) writable(f *bundle.File, cells []string) string {
	why, _ := v.writableColumn(f, cells)
	return why
}

// writableColumn is writable, with the column that refuses the row ("" when
// none does: a unit outside every root).
func (v *scopeView) writableColumn(f *bundle.File, cells []string) (why, column string) {
	r := refsOf(f, cells)
	if r.partOfDocuments() {
		for _, d := range r.docs {
			doc := v.docs[d.id]
			if doc == nil {
				return fmt.Sprintf("văn bản '%s' (cột %s) không có trong sổ", d.id, d.col), d.col
			}
			if why, _ := v.writableColumn(documentsFile, doc); why != "" {
				return fmt.Sprintf("văn bản '%s' (cột %s) không do đơn vị trong phạm vi được giao ban hành: %s", d.id, d.col, why), d.col
			}
		}
		return "", ""
	}
	if len(r.units) == 0 && len(r.persons) == 0 && !v.isRoot(r.self, r.span) {
		if r.self != "" {
			return fmt.Sprintf("đơn vị '%s' không trực thuộc đơn vị nào trong phạm vi được giao", r.self), ""
		}
		return "bản ghi không gắn với đơn vị hay người nào trong phạm vi", ""
	}
	for _, u := range r.units {
		if !v.unitIn(u.id, r.span, true) {
			return fmt.Sprintf("đơn vị '%s' (cột %s) không thuộc phạm vi được giao trong suốt thời gian %s", u.id, u.col, spanText(r)), u.col
		}
	}
	for _, p := range r.persons {
		if !v.personWritable(p.id, r.span.From) {
			return fmt.Sprintf("người có mã '%s' (cột %s) không thuộc phạm vi được giao vào ngày %s", p.id, p.col, startText(r)), p.col
		}
	}
	return "", ""
}

// readable reports whether a row may be read.
func (v *scopeView) readable(f *bundle.File, cells []string, above map[string]bool) bool {
	r := refsOf(f, cells)
	if r.self != "" && v.unitIn(r.self, r.span, false) {
		return true // a unit's version is read where the unit is
	}
	if r.partOfDocuments() {
		for _, d := range r.docs {
			if doc := v.docs[d.id]; doc == nil || !v.readable(documentsFile, doc, above) {
				return false
			}
		}
		return true
	}
	if len(r.units) == 0 && len(r.persons) == 0 {
		return f.Public // a document of no unit, a term of office
	}
	for _, u := range r.units {
		if !v.unitIn(u.id, r.span, false) && !(f.Name == "documents" && above[u.id]) {
			return false
		}
	}
	for _, p := range r.persons {
		if !v.personReadable(p.id) {
			return false
		}
	}
	return true
}

func spanText(r rowRefs) string {
	switch {
	case r.timeless || r.span.From == 0:
		return "của bản ghi"
	case r.span.To == r.span.From.AddDays(1):
		return "ngày " + r.span.From.Vietnamese()
	case r.span.To == 0:
		return "từ ngày " + r.span.From.Vietnamese()
	}
	return "từ ngày " + r.span.From.Vietnamese() + " đến ngày " + r.span.To.AddDays(-1).Vietnamese()
}

func startText(r rowRefs) string {
	if r.timeless || r.span.From == 0 {
		return "hiện nay"
	}
	return r.span.From.Vietnamese()
}

// describe names a row for a person: its file and key.
func describe(f *bundle.File, cells []string) string {
	parts := make([]string, 0, len(f.Key))
	for _, i := range f.RowKeyIndexes() {
		if i < len(cells) && cells[i] != "" {
			parts = append(parts, cells[i])
		}
	}
	return fmt.Sprintf("%s (%s)", f.ViLabel, strings.Join(parts, ", "))
}
