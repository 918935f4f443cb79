package bundle

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Options tune an import.
type Options struct {
	// Progress, if set, is called now and then with the file being read and its rows so far.
	Progress func(file string, rows int)
	// BatchSize is the number of records handed to the writer at once (0: 2000).
	BatchSize int
	// Indicator, when set, tells whether an id is an indicator of the
	// catalog and whether it is a share (a ratio of its "of"): the targets
	// of document_targets.csv are checked against it (internal/app sets it;
	// the model cannot import the catalog).
	Indicator func(id string) (share, ok bool)
}

// FileReport tells what happened to one file.
type FileReport struct {
	Name string `json:"name"`
	Counts
}

// Report is the outcome of an import: what was read and stored, and every issue.
type Report struct {
	Files    []FileReport `json:"files"`
	Issues   []Issue      `json:"issues"`
	Errors   int          `json:"errors"`
	Warnings int          `json:"warnings"`
	Dropped  int          `json:"dropped"` // issues counted but not listed (past the limit)
	// Findings is what the rule checks find after the import that they did
	// not find before it (set by the use case once the import is kept).
	Findings *FindingsAdded `json:"findings,omitempty"`
	// Diff is what the import would change, record by record (set by a
	// diff: an import run and rolled back).
	Diff *Diff `json:"diff,omitempty"`
	// Retracted counts the records retractions.csv retracted.
	Retracted int `json:"retracted,omitempty"`
}

// FindingsAdded counts the rule checks' findings an import adds, on a
// date, in the importer's scope; an import is never refused for them.
type FindingsAdded struct {
	AsOf   tochuc.Date    `json:"as_of"`
	Added  int            `json:"added"`
	ByRule map[string]int `json:"by_rule"`
	// Error says, in Vietnamese, why they could not be counted (the import
	// is kept all the same).
	Error string `json:"error,omitempty"`
}

// OK reports whether the bundle had no errors (warnings allowed).
func (r *Report) OK() bool { return r.Errors == 0 }

// batchSize is the default number of records handed to the writer at once.
const batchSize = 2000

// Import validates the bundle from src and stores it into tgt. Records are
// written while they are checked; when the report has errors the caller must
// roll the target back. The error is for failures other than bad data.
func Import(ctx context.Context, src Source, tgt Target, opt Options) (*Report, error) {
	im := &importer{src: src, tgt: tgt, opt: opt, units: newUnitIndex(),
		people: map[string]person{}, docs: map[string]docMeta{}, look: newLookups(),
		restructDates: map[string]tochuc.Date{}}
	names := src.Names()
	present := map[string]bool{}
	for _, n := range names {
		if n == RetractionsFile {
			continue // our own file of an incremental package
		}
		if FileByName(n) == nil {
			im.iss.add(Issue{File: src.Location(n), Vi: "tệp không có trong đặc tả gói dữ liệu", En: "unknown file"})
			continue
		}
		present[n] = true
	}
	rep := &Report{}
	if slices.Contains(names, RetractionsFile) { // before the files: a retracted record is not there to check against
		n, err := im.importRetractions(ctx)
		if err != nil {
			return nil, err
		}
		rep.Retracted = n
	}
	for i, f := range Files {
		if !present[f.Name] {
			continue
		}
		im.iss.order = i + 1
		c, err := im.importFile(ctx, f)
		if err != nil {
			return nil, err
		}
		rep.Files = append(rep.Files, FileReport{Name: f.Name, Counts: c})
	}
	if present["party"] {
		im.iss.order = slices.Index(Files, FileByName("party")) + 1
		im.loc = src.Location("party")
		if err := im.checkPartyOrder(ctx); err != nil {
			return nil, err
		}
	}
	if present["discipline"] {
		im.iss.order = slices.Index(Files, FileByName("discipline")) + 1
		im.loc = src.Location("discipline")
		if err := im.checkExpulsions(ctx); err != nil {
			return nil, err
		}
	}
	if err := im.checkCasework(ctx); err != nil {
		return nil, err
	}
	rep.Issues, rep.Errors, rep.Warnings, rep.Dropped = im.iss.list, im.iss.errors, im.iss.warnings, im.iss.dropped
	slices.SortStableFunc(rep.Issues, func(a, b Issue) int {
		if a.order != b.order {
			return a.order - b.order
		}
		return a.Line - b.Line
	})
	return rep, nil
}

// importer holds the state of one import: what the checks need to know.
type importer struct {
	src    Source
	tgt    Target
	opt    Options
	iss    issues
	units  *unitIndex
	people map[string]person
	docs   map[string]docMeta
	look   *lookups
	// evs holds the bundle's membership events, chained per person (see person.last).
	evs           []partyEvent
	restructDates map[string]tochuc.Date
	cadre         cadreState
	casework      caseworkState
	attached      map[string]attachedSeen // attached contents checked, by SHA-256
	loc           string                  // location of the file being read
}

// person is what the checks keep of a person: 8 bytes besides the id.
type person struct {
	died tochuc.Date
	last int32 // index in importer.evs of the person's last event in the bundle, or -1
}

// importFile reads, checks and writes one file.
func (im *importer) importFile(ctx context.Context, f *File) (Counts, error) {
	var c Counts
	im.loc = im.src.Location(f.Name)
	if f.Name == "plans" {
		if err := im.loadTerms(ctx); err != nil {
			return c, err
		}
	}
	rr, err := im.src.Open(f.Name)
	if err != nil {
		vi, en := readIssue("không đọc được tệp: ", "cannot read file: ", err)
		im.iss.add(Issue{File: im.loc, Vi: vi, En: en})
		return c, nil
	}
	defer rr.Close()
	row, err := rr.Next()
	if err == io.EOF {
		return c, nil
	}
	if err != nil {
		vi, en := readIssue("không đọc được tiêu đề: ", "cannot read header: ", err)
		im.iss.add(Issue{File: im.loc, Line: 1, Vi: vi, En: en})
		return c, nil
	}
	h, ok := parseHeader(f, im.loc, row, &im.iss)
	if !ok {
		return c, nil
	}
	w := newPipe(ctx, im.tgt, f)
	fl := &fileLoad{im: im, f: f, w: w, keys: newKeySet(), deferred: &deferredRefs{},
		size: cmp.Or(im.opt.BatchSize, batchSize)}
	fl.batch = make([]*Record, 0, fl.size)
	lr, _ := rr.(LineReader)
	for line := 2; ; line++ {
		row, err := rr.Next()
		if lr != nil {
			line = lr.Line()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if err := fl.flush(ctx); err != nil {
				w.close(ctx, false)
				return c, err
			}
			vi, en := readIssue("lỗi đọc tệp: ", "read error: ", err)
			im.iss.add(Issue{File: im.loc, Line: line, Vi: vi, En: en})
			break
		}
		c.Read++
		if im.opt.Progress != nil && c.Read%5000 == 0 {
			im.opt.Progress(f.Name, c.Read)
		}
		if err := fl.add(ctx, h, line, row); err != nil {
			w.close(ctx, false)
			return c, err
		}
	}
	if err := fl.flush(ctx); err != nil {
		w.close(ctx, false)
		return c, err
	}
	if im.opt.Progress != nil {
		im.opt.Progress(f.Name, c.Read)
	}
	if im.iss.errors == 0 && len(fl.batch) > 0 {
		w.send(fl.batch)
	}
	deferred := fl.deferred
	deferred.resolve(im)
	if f.Name == "documents" {
		if err := w.do(func() error { return im.heldChains(ctx) }); err != nil {
			w.close(ctx, false)
			return c, err
		}
		im.checkDocumentChains()
	}
	if f.Versioned {
		im.checkUnitOverlaps()
	}
	wc, werr := w.close(ctx, im.iss.errors == 0)
	if werr != nil {
		return c, werr
	}
	c.Added, c.Superseded = wc.Added, wc.Superseded
	return c, nil
}

// duplicate reports a row whose key an earlier row of the file has: both
// rows, the key's columns and values.
func (im *importer) duplicate(f *File, rec *Record, first int) {
	var key []string
	for _, i := range rec.File.RowKeyIndexes() {
		key = append(key, f.Columns[i].Name+" = "+FormatValue(rec.Vals[i]))
	}
	k := strings.Join(key, ", ")
	im.iss.add(Issue{File: im.loc, Line: rec.Line, Column: f.Key[0],
		Vi: fmt.Sprintf("khóa bị trùng với dòng %d (%s)", first, k), En: fmt.Sprintf("duplicate key, already on row %d (%s)", first, k)})
}

// pipe hands batches to the target's writer in a second goroutine, so that
// reading and checking overlap with writing. Lookups go through it too, so
// that the target is never used by two goroutines at once.
type pipe struct {
	ch   chan pipeItem
	done chan struct{}
	w    RecordWriter
	err  error
}

// pipeItem is a batch to write, or a call to make in the writer's turn.
type pipeItem struct {
	batch []*Record
	call  func() error
	reply chan error
}

func newPipe(ctx context.Context, tgt Target, f *File) *pipe {
	p := &pipe{ch: make(chan pipeItem, 4), done: make(chan struct{})}
	p.w, p.err = tgt.Writer(ctx, f)
	go func() {
		defer close(p.done)
		for it := range p.ch {
			switch {
			case it.call != nil && p.err != nil:
				it.reply <- p.err
			case it.call != nil:
				it.reply <- it.call()
			case p.err == nil:
				p.err = p.w.Write(ctx, it.batch)
			}
		}
	}()
	return p
}

func (p *pipe) send(b []*Record) { p.ch <- pipeItem{batch: b} }

// do runs fn once the batches sent before are written, and waits for it.
func (p *pipe) do(fn func() error) error {
	reply := make(chan error, 1)
	p.ch <- pipeItem{call: fn, reply: reply}
	return <-reply
}

// close waits for the writer; when commit is false the records are not merged.
func (p *pipe) close(ctx context.Context, commit bool) (Counts, error) {
	close(p.ch)
	<-p.done
	if p.err != nil {
		return Counts{}, p.err
	}
	c, err := p.w.Close(ctx) // always: a writer may hold the connection until closed
	if err != nil {
		return Counts{}, errors.Join(errors.New("store records"), err)
	}
	if !commit {
		return Counts{}, nil
	}
	return c, nil
}
