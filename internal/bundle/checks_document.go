package bundle

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The rules of directive documents, their tasks and targets (bundle-v1
// amendment 3).

// docMeta is what the checks keep of a document: its issue date, the
// document it replaces, and its row in documents.csv (0: held, not in the
// bundle).
type docMeta struct {
	issued   tochuc.Date
	replaces string
	line     int32
}

// checkDocument checks a document's days of force and indexes it.
func (im *importer) checkDocument(rec *Record) {
	id, issued := rec.Str("id"), rec.Date("issued_on")
	eff, exp := rec.Date("effective_on"), rec.Date("expires_on")
	im.docs[strings.Clone(id)] = docMeta{issued: issued, replaces: strings.Clone(rec.Str("replaces_id")), line: int32(rec.Line)}
	start, what := issued, "ngày ban hành"
	if eff != 0 {
		start, what = eff, "ngày có hiệu lực"
	}
	if exp != 0 && start != 0 && exp <= start {
		im.errAt(rec, "expires_on", fmt.Sprintf("ngày hết hiệu lực %s phải sau %s %s", exp.Vietnamese(), what, start.Vietnamese()),
			fmt.Sprintf("expires_on %s must be after %s", exp, start))
	}
	if eff != 0 && issued != 0 && eff < issued {
		im.warnAt(rec, "effective_on", fmt.Sprintf("ngày có hiệu lực %s trước ngày ban hành %s (hiệu lực trở về trước): kiểm tra lại",
			eff.Vietnamese(), issued.Vietnamese()), fmt.Sprintf("takes effect on %s, before it was issued on %s", eff, issued))
	}
}

// heldChains looks up, a batch at a time, the held documents the
// replacement chains of the bundle's documents pass through, until every
// chain ends (in a document replacing none, one held nowhere, or one
// already known): the memory is the chains', not the registry's.
func (im *importer) heldChains(ctx context.Context) error {
	asked := map[string]bool{}
	for {
		var want []string
		for id, m := range im.docs {
			if m.replaces == "" || m.replaces == id || asked[m.replaces] {
				continue
			}
			if _, ok := im.docs[m.replaces]; !ok {
				asked[m.replaces] = true
				want = append(want, m.replaces)
			}
		}
		if len(want) == 0 {
			return nil
		}
		slices.Sort(want)
		for batch := range slices.Chunk(want, lookupBatch) {
			err := im.tgt.Documents(ctx, batch, func(id string, issued tochuc.Date, replaces string) error {
				if _, ok := im.docs[id]; !ok {
					im.docs[strings.Clone(id)] = docMeta{issued: issued, replaces: strings.Clone(replaces)}
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("look up replaced documents: %w", err)
			}
		}
	}
}

// checkDocumentChains reports, on the bundle's rows, a document replacing
// one issued after it and a chain of replacements that loops (across the
// bundle and the held registry).
func (im *importer) checkDocumentChains() {
	var rows []string // the bundle's documents, in row order
	for id, m := range im.docs {
		if m.line > 0 {
			rows = append(rows, id)
		}
	}
	slices.SortFunc(rows, func(a, b string) int { return cmp.Compare(im.docs[a].line, im.docs[b].line) })
	for _, id := range rows {
		m := im.docs[id]
		r, ok := im.docs[m.replaces]
		if m.replaces == "" || !ok || r.issued == 0 || m.issued == 0 || r.issued <= m.issued {
			continue
		}
		im.iss.add(Issue{File: im.loc, Line: int(m.line), Column: "replaces_id",
			Vi: fmt.Sprintf("văn bản thay thế '%s' (ban hành ngày %s) phải ban hành không sớm hơn văn bản bị thay thế '%s' (ban hành ngày %s)",
				id, m.issued.Vietnamese(), m.replaces, r.issued.Vietnamese()),
			En: fmt.Sprintf("document '%s' issued %s replaces '%s', issued later on %s", id, m.issued, m.replaces, r.issued)})
	}
	// a replacement has one successor: walk each chain once, marking what
	// is on the current path (1) and what is known to end (2)
	state := map[string]uint8{}
	for _, start := range rows {
		var path []string
		id := start
		for {
			if state[id] != 0 {
				break
			}
			state[id] = 1
			path = append(path, id)
			m, ok := im.docs[id]
			if !ok || m.replaces == "" {
				id = ""
				break
			}
			id = m.replaces
			if _, ok := im.docs[id]; !ok {
				id = ""
				break
			}
		}
		if id != "" && state[id] == 1 { // back on the path: a loop
			loop := path[slices.Index(path, id):]
			text := strings.Join(append(slices.Clone(loop), id), " → ")
			for _, d := range loop {
				if m := im.docs[d]; m.line > 0 {
					im.iss.add(Issue{File: im.loc, Line: int(m.line), Column: "replaces_id",
						Vi: "chuỗi văn bản thay thế tạo thành vòng lặp: " + text,
						En: "the chain of replacements loops: " + text})
				}
			}
		}
		for _, d := range path {
			state[d] = 2
		}
	}
}

// checkDocumentTask checks a task: its unit exists on its deadline, and it
// was not reported done before its document was issued.
func (im *importer) checkDocumentTask(rec *Record) {
	due, done := rec.Date("due_on"), rec.Date("done_on")
	im.unitAt(rec, "unit_id", due)
	if m, ok := im.docs[rec.Str("document_id")]; ok && done != 0 && m.issued != 0 && done < m.issued {
		im.warnAt(rec, "done_on", fmt.Sprintf("ngày hoàn thành %s trước ngày ban hành văn bản %s", done.Vietnamese(), m.issued.Vietnamese()),
			fmt.Sprintf("done on %s, before the document was issued on %s", done, m.issued))
	}
}

// checkDocumentTarget checks a target: its indicator is one of the catalog
// (when the caller gave the catalog), a share's value is a fraction, and its
// scope exists on its due date.
func (im *importer) checkDocumentTarget(rec *Record) {
	im.unitAt(rec, "scope_id", rec.Date("due_on"))
	if im.opt.Indicator == nil {
		return
	}
	ind := rec.Str("indicator")
	share, ok := im.opt.Indicator(ind)
	if !ok {
		im.errAt(rec, "indicator", fmt.Sprintf("'%s' không phải mã một chỉ số trong danh mục chỉ số (ví dụ party.members)", ind),
			fmt.Sprintf("'%s' is not an indicator of the catalog", ind))
		return
	}
	v, ok := tochuc.ParseNumber(rec.Str("value"))
	if share && ok && (v < 0 || v > 1) {
		im.errAt(rec, "value", fmt.Sprintf("chỉ số '%s' là một tỷ lệ: giá trị chỉ tiêu viết dưới dạng phân số từ 0 đến 1 (0.7 = 70 %%), không phải %s",
			ind, rec.Str("value")), fmt.Sprintf("indicator '%s' is a share: the value is a fraction in [0, 1] (0.7 = 70 %%)", ind))
	}
}
