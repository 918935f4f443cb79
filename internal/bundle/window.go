package bundle

import "context"

// fileLoad holds back the rows of one file a window at a time: parsed, their
// references noted, then — once the held records they refer to are looked
// up — checked and handed to the writer in their order, with their parse
// issues, exactly as if every held record had been known from the start.
type fileLoad struct {
	im       *importer
	f        *File
	w        *pipe
	keys     *keySet
	deferred *deferredRefs
	size     int
	batch    []*Record
	rows     []heldRow
	parse    issues // the parse issues of the rows held back
}

// heldRow is a parsed row waiting for its references to be looked up.
type heldRow struct {
	rec     *Record
	ok      bool
	issFrom int32 // its parse issues: parse.list[issFrom:issTo]
	issTo   int32
}

// add parses one row and holds it back; a full window is flushed.
func (fl *fileLoad) add(ctx context.Context, h *header, line int, row []string) error {
	from := len(fl.parse.list)
	rec, ok := h.parseRow(fl.im.loc, line, row, &fl.parse)
	fl.rows = append(fl.rows, heldRow{rec: rec, ok: ok, issFrom: int32(from), issTo: int32(len(fl.parse.list))})
	fl.im.wantRefs(rec, ok)
	if len(fl.rows) >= windowRows || fl.im.look.n >= lookupBatch {
		return fl.flush(ctx)
	}
	return nil
}

// flush looks up what the rows held back refer to, then checks them.
func (fl *fileLoad) flush(ctx context.Context) error {
	im := fl.im
	if im.look.n > 0 {
		if err := fl.w.do(func() error { return im.lookUp(ctx) }); err != nil {
			return err
		}
	}
	for i, r := range fl.rows {
		for _, is := range fl.parse.list[r.issFrom:r.issTo] {
			im.iss.add(is)
		}
		fl.rows[i] = heldRow{}
		rec := r.rec
		if !r.ok {
			im.checkRefs(rec, fl.deferred) // what can be checked of a bad row still is
			im.registerBadRow(rec)
			continue
		}
		if first := fl.keys.add(rec); first != 0 { // before the row can reach the writer
			im.duplicate(fl.f, rec, first)
		}
		im.checkRecord(rec, fl.deferred)
		if fl.f.Name == attachedFile {
			if err := im.checkAttached(ctx, fl, rec); err != nil {
				return err
			}
		}
		if im.iss.errors > 0 {
			continue // the import will be refused: keep checking, stop writing
		}
		fl.batch = append(fl.batch, rec)
		if len(fl.batch) == fl.size {
			fl.w.send(fl.batch)
			fl.batch = make([]*Record, 0, fl.size)
		}
	}
	fl.rows = fl.rows[:0]
	clear(fl.parse.list)
	fl.parse = issues{list: fl.parse.list[:0]}
	return nil
}
