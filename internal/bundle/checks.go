package bundle

import (
	"fmt"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// errAt reports an error on a record's row.
func (im *importer) errAt(rec *Record, col, vi, en string) {
	im.iss.add(Issue{File: im.loc, Line: rec.Line, Column: col, Vi: vi, En: en})
}

// warnAt reports a warning on a record's row.
func (im *importer) warnAt(rec *Record, col, vi, en string) {
	im.iss.add(Issue{File: im.loc, Line: rec.Line, Column: col, Vi: vi, En: en, Warning: true})
}

// deferredRefs are references to records of the same file, checked at its end.
type deferredRefs struct {
	refs []deferredRef
}

type deferredRef struct {
	line int
	col  string
	file string
	id   string
}

func (d *deferredRefs) resolve(im *importer) {
	for _, r := range d.refs {
		if !im.known(r.file, r.id) {
			im.iss.add(Issue{File: im.loc, Line: r.line, Column: r.col,
				Vi: fmt.Sprintf("tham chiếu '%s' không tồn tại trong gói dữ liệu hay cơ sở dữ liệu", r.id),
				En: fmt.Sprintf("reference '%s' resolves nowhere", r.id)})
		}
	}
}

func (im *importer) known(file, id string) bool {
	switch file {
	case "units":
		return im.units.known(id)
	case "people":
		_, ok := im.people[id]
		return ok
	case "documents":
		_, ok := im.docs[id]
		return ok
	}
	return false
}

// checkRefs reports references that resolve nowhere; references within the
// file being read are checked at its end.
func (im *importer) checkRefs(rec *Record, deferred *deferredRefs) {
	f := rec.File
	for i, col := range f.Columns {
		id, _ := rec.Vals[i].(string)
		ref := col.RefFile(rec.Str(col.RefVia))
		if ref == "" || id == "" {
			continue
		}
		if ref == f.Name {
			deferred.refs = append(deferred.refs, deferredRef{rec.Line, col.Name, ref, id})
		} else if !im.known(ref, id) {
			im.errAt(rec, col.Name, fmt.Sprintf("tham chiếu '%s' không tồn tại trong gói dữ liệu hay cơ sở dữ liệu", id),
				fmt.Sprintf("reference '%s' resolves nowhere", id))
		}
	}
}

// registerBadRow keeps the id of a row that failed to parse, so that other
// files referring to it do not get errors of their own.
func (im *importer) registerBadRow(rec *Record) {
	id := rec.Str("id")
	if id == "" {
		return
	}
	im.defined(rec.File.Name, id)
	switch rec.File.Name {
	case "units":
		if !im.units.known(id) {
			im.units.m[im.units.remember(id)] = []unitVersion{}
		}
	case "people":
		im.people[strings.Clone(id)] = person{last: -1}
	case "documents":
		im.docs[strings.Clone(id)] = docMeta{line: int32(rec.Line)}
	}
}

// checkRecord runs the checks of one parsed record and adds it to the indexes.
func (im *importer) checkRecord(rec *Record, deferred *deferredRefs) {
	im.checkRefs(rec, deferred)
	switch rec.File.Name {
	case "units":
		im.checkUnit(rec)
	case "people":
		im.people[strings.Clone(rec.Str("id"))] = person{died: rec.Date("died_on"), last: -1}
		im.defined("people", rec.Str("id"))
	case "documents":
		im.checkDocument(rec)
		im.defined("documents", rec.Str("id"))
	case "qualifications":
		im.checkQualification(rec)
	case "party":
		im.addPartyEvent(rec)
		im.checkPartyCasework(rec)
	case "assignments":
		im.checkAssignment(rec)
	case "headcount":
		im.checkHeadcount(rec)
	case "restructure":
		im.checkRestructure(rec)
	case "evaluations":
		im.checkEvaluation(rec)
		im.checkEvaluationScore(rec)
	case "plans":
		im.checkPlan(rec)
	case "terms":
		im.checkTerm(rec)
	case "discipline":
		im.checkDiscipline(rec)
	case "party_temporary":
		im.checkTemporary(rec)
	case "awards":
		im.checkAward(rec)
	case "party_cards":
		im.checkCard(rec)
	case "document_tasks":
		im.checkDocumentTask(rec)
	case "document_targets":
		im.checkDocumentTarget(rec)
	}
}

// checkPeriod reports an end date that is not after the start date.
func (im *importer) checkPeriod(rec *Record, from, to string) bool {
	p := tochuc.Period{From: rec.Date(from), To: rec.Date(to)}
	if p.From != 0 && !p.Valid() {
		im.errAt(rec, to, fmt.Sprintf("ngày kết thúc %s không sau ngày bắt đầu %s", p.To.Vietnamese(), p.From.Vietnamese()),
			"the period ends before it starts")
		return false
	}
	return true
}

func (im *importer) checkUnit(rec *Record) {
	if !im.checkPeriod(rec, "valid_from", "valid_to") {
		return
	}
	im.units.addBundle(rec.Str("id"), rec.Str("kind"),
		tochuc.Period{From: rec.Date("valid_from"), To: rec.Date("valid_to")}, rec.Line)
	im.defined("units", rec.Str("id"))
}

// checkUnitOverlaps reports versions of one unit whose periods overlap.
func (im *importer) checkUnitOverlaps() {
	for id := range im.units.fromFile {
		vs := im.units.sorted(id)
		for i := 1; i < len(vs); i++ {
			if vs[i].Overlaps(vs[i-1].Period) {
				im.iss.add(Issue{File: im.loc, Line: int(vs[i].Line), Column: "valid_from",
					Vi: fmt.Sprintf("phiên bản của đơn vị '%s' chồng lấn thời gian với dòng %d", id, vs[i-1].Line),
					En: fmt.Sprintf("versions of unit '%s' overlap (row %d)", id, vs[i-1].Line)})
			}
		}
	}
}

func (im *importer) checkQualification(rec *Record) {
	kind, level := rec.Str("kind"), rec.Str("level")
	if !isQualKind(kind) {
		im.errAt(rec, "kind", "loại trình độ '"+kind+"' không hợp lệ (education, political_theory)",
			"unknown qualification kind '"+kind+"'")
	} else if _, ok := tochuc.LevelRank(kind, level); !ok {
		im.errAt(rec, "level", "trình độ '"+level+"' không hợp lệ cho loại "+kind, "unknown level '"+level+"' for kind "+kind)
	}
}

func isQualKind(kind string) bool {
	for _, k := range tochuc.QualificationKinds() {
		if k == kind {
			return true
		}
	}
	return false
}

// unitAt reports a unit that does not exist on a date; it returns the version when it does.
func (im *importer) unitAt(rec *Record, col string, d tochuc.Date) (unitVersion, bool) {
	id := rec.Str(col)
	if id == "" || len(im.units.m[id]) == 0 || d == 0 {
		return unitVersion{}, false
	}
	v, ok := im.units.at(id, d)
	if !ok {
		im.errAt(rec, col, fmt.Sprintf("đơn vị '%s' không tồn tại vào ngày %s", id, d.Vietnamese()),
			fmt.Sprintf("unit '%s' does not exist on %s", id, d))
	}
	return v, ok
}

func (im *importer) checkAssignment(rec *Record) {
	if !im.checkPeriod(rec, "valid_from", "valid_to") {
		return
	}
	from, to := rec.Date("valid_from"), rec.Date("valid_to")
	if v, ok := im.unitAt(rec, "unit_id", from); ok {
		role := rec.Str("role")
		for _, r := range tochuc.PartyRoles {
			if r == role && !tochuc.IsPartyOrg(v.Kind) {
				im.errAt(rec, "role", "chức vụ đảng '"+role+"' phải giữ trong một tổ chức đảng, không phải đơn vị loại "+v.Kind,
					"party post '"+role+"' must be held in a party organization, not a unit of kind "+v.Kind)
			}
		}
	}
	if died := im.people[rec.Str("person_id")].died; died != 0 && (to == 0 || to > died) && from < died {
		im.warnAt(rec, "valid_to", "chức vụ còn mở sau ngày từ trần "+died.Vietnamese(), "post left open after death on "+died.String())
	}
}

func (im *importer) checkHeadcount(rec *Record) {
	for _, col := range []string{"actual", "quota"} {
		if n, ok := rec.Vals[rec.File.Index(col)].(int64); ok && n < 0 {
			im.errAt(rec, col, "số lượng không được âm", "must not be negative")
		}
	}
}

func (im *importer) checkEvaluation(rec *Record) {
	if y, ok := rec.Vals[rec.File.Index("year")].(int64); ok && (y < 1930 || y > 2200) {
		im.errAt(rec, "year", "năm không hợp lệ", "implausible year")
	}
}
