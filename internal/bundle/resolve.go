package bundle

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// lookupBatch is the number of ids asked of the target at once.
const lookupBatch = 500

// windowRows is the number of parsed rows held back until the held records
// they refer to are looked up.
const windowRows = 500

// refKey names a record of a referenced file.
type refKey struct{ file, id string }

// lookups finds which of the ids a bundle refers to are held, a batch at a
// time: only those ids are read, so that what an import keeps is bounded by
// the bundle, not by the database. Held records found go into the
// importer's indexes as if the bundle had them first; ids held nowhere are
// remembered until the bundle defines them.
type lookups struct {
	want   map[string][]string // file → ids to look up
	wanted map[refKey]bool
	n      int
	absent map[refKey]bool // looked up, not held, not (yet) in the bundle
}

func newLookups() *lookups {
	return &lookups{want: map[string][]string{}, wanted: map[refKey]bool{}, absent: map[refKey]bool{}}
}

// wantRefs notes the held records a row may need: those it refers to and,
// for a unit row that failed to parse, the unit itself (its held versions
// stay then; a good row replaces them).
func (im *importer) wantRefs(rec *Record, ok bool) {
	f := rec.File
	for i, col := range f.Columns {
		id, _ := rec.Vals[i].(string)
		if ref := col.RefFile(rec.Str(col.RefVia)); ref != "" && id != "" {
			im.wantID(ref, id)
		}
	}
	if !ok && f.Name == "units" {
		if id := rec.Str("id"); id != "" {
			im.wantID("units", id)
		}
	}
}

func (im *importer) wantID(file, id string) {
	if im.known(file, id) {
		return
	}
	k := refKey{file, id}
	if im.look.absent[k] || im.look.wanted[k] {
		return
	}
	k.id = strings.Clone(id)
	im.look.wanted[k] = true
	im.look.want[file] = append(im.look.want[file], k.id)
	im.look.n++
}

// defined forgets that an id the bundle now has was held nowhere.
func (im *importer) defined(file, id string) {
	if len(im.look.absent) > 0 {
		delete(im.look.absent, refKey{file, id})
	}
}

// lookUp asks the target which of the wanted ids it holds.
func (im *importer) lookUp(ctx context.Context) error {
	if im.look.n == 0 {
		return nil
	}
	for _, file := range []string{"units", "people", "documents"} {
		ids := im.look.want[file]
		slices.Sort(ids)
		for batch := range slices.Chunk(ids, lookupBatch) {
			var err error
			switch file {
			case "units":
				err = im.tgt.Units(ctx, batch, func(id, kind string, p tochuc.Period) error {
					im.units.addHeld(id, kind, p)
					return nil
				})
			case "people":
				err = im.tgt.People(ctx, batch, func(id string, died tochuc.Date) error {
					im.people[strings.Clone(id)] = person{died: died, last: -1}
					return nil
				})
			case "documents":
				err = im.tgt.Documents(ctx, batch, func(id string, issued tochuc.Date, replaces string) error {
					im.docs[strings.Clone(id)] = docMeta{issued: issued, replaces: strings.Clone(replaces)}
					return nil
				})
			}
			if err != nil {
				return fmt.Errorf("look up %s: %w", file, err)
			}
		}
		for _, id := range ids {
			if !im.known(file, id) {
				im.look.absent[refKey{file, id}] = true
			}
		}
		clear(ids)
		im.look.want[file] = ids[:0]
	}
	clear(im.look.wanted)
	im.look.n = 0
	return nil
}
