package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// documentRegistry is what the documents' pages read (read_documentpage.go).
type documentRegistry interface {
	// Document returns a document held now. Error: ENotFound.
	Document(ctx context.Context, id string) (tochuc.Document, error)
	// DocumentsReplacing returns the documents replacing one, earliest in effect first.
	DocumentsReplacing(ctx context.Context, id string) ([]tochuc.Document, error)
	// DocumentChain returns what a document replaces and what replaced it, the nearest first.
	DocumentChain(ctx context.Context, doc tochuc.Document) (replaces, replacedBy []tochuc.Document, err error)
	DocumentTasks(ctx context.Context, docID string, limit int) ([]sqldb.DocTask, error)
	DocumentTargets(ctx context.Context, docID string, limit int) ([]sqldb.DocTarget, error)
	DocumentFiles(ctx context.Context, docID string, limit int) ([]sqldb.DocFile, error)
	DocumentRestructures(ctx context.Context, docID string, limit int) ([]tochuc.RestructureLink, error)
	DocumentAssignments(ctx context.Context, docID string, limit int) ([]tochuc.Assignment, error)
	// DocumentPage returns a page of the documents list and its length.
	DocumentPage(ctx context.Context, f sqldb.DocumentFilter, offset, limit int) ([]tochuc.Document, int, error)
	// EachDocument calls fn with every document of the list, newest first.
	EachDocument(ctx context.Context, f sqldb.DocumentFilter, fn func(tochuc.Document) error) error
}

// documentPageMost is the most rows of each part a document's page lists
// (its tasks, targets, files, and the records citing it).
const documentPageMost = 200

// documentPath is the page of a document.
func documentPath(id string) string { return "/van-ban/" + url.PathEscape(id) }

// The statuses of a document on a date (its page).
const (
	docInForce  = "in_force"
	docNotYet   = "not_yet"
	docExpired  = "expired"
	docReplaced = "replaced"
)

// documentStatus is a document's status on d, given the day the earliest
// document replacing it took effect (0: none).
func documentStatus(doc tochuc.Document, replacedOn, d tochuc.Date) string {
	switch {
	case tochuc.DocumentInForce(doc.Effective(), doc.ExpiresOn, replacedOn, d):
		return docInForce
	case d < doc.Effective():
		return docNotYet
	case replacedOn != 0 && d >= replacedOn && (doc.ExpiresOn == 0 || replacedOn < doc.ExpiresOn):
		return docReplaced
	}
	return docExpired
}

var docStatusLabels = map[string]string{docInForce: "Còn hiệu lực", docNotYet: "Chưa có hiệu lực", docExpired: "Hết hiệu lực",
	docReplaced: "Đã bị thay thế"}

// docTask is a task on the page: its status on the date.
type docTask struct {
	sqldb.DocTask
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	Edit        string `json:"-"` // its edit form, for who may edit it
}

// docTarget is a target on the page: its indicator's name, the operator's
// label and the value as a person reads it (a share as a percentage).
type docTarget struct {
	sqldb.DocTarget
	IndicatorLabel string `json:"indicator_label"`
	Share          bool   `json:"share"`
	OpLabel        string `json:"op_label"`
	ValueText      string `json:"value_text"`
	Edit           string `json:"-"` // its edit form, for who may edit it
}

// docFile is an attached file on the page: its size as a person reads it.
type docFile struct {
	sqldb.DocFile
	Size string `json:"size"`
	Link string `json:"link"`
}

// documentData is a document's page: its API type and the links the user
// may follow (the scope policy).
type documentData struct {
	documentView
	CanEdit bool
	Edit    string // the document's edit form
	Upload  string // where the upload form posts
	AddTask string
	AddGoal string
	Report  string // the targets' report (thực hiện)
	// Chain is the chain of replacements, the newest first: what replaced
	// it, the document itself, what it replaces.
	Chain []chainLink
}

// chainLink is a document of a chain of replacements, as the page shows it.
type chainLink struct {
	Doc tochuc.Document
	Rel string // replaced_by, self, replaces
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	doc, err := reg.Document(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	user, _ := userOf(ctx)
	if ok, err := s.documentVisibility(ctx, reg, user, d)(doc); err != nil || !ok {
		return forbiddenOr(err)
	}
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	data := documentData{documentView: documentView{Document: doc, UnitNames: map[string]string{}, PersonNames: map[string]string{}}}
	v := &data.documentView
	if v.Replaces, v.ReplacedBy, err = reg.DocumentChain(ctx, doc); err != nil {
		return err
	}
	if len(v.ReplacedBy) > 0 {
		v.ReplacedOn = v.ReplacedBy[0].Effective()
	}
	v.Status = documentStatus(doc, v.ReplacedOn, d)
	v.StatusLabel = docStatusLabels[v.Status]
	if v.Status == docReplaced {
		v.StatusLabel += " bởi " + v.ReplacedBy[0].Number
	}
	units := []string{doc.IssuerID}
	tasks, err := reg.DocumentTasks(ctx, doc.ID, documentPageMost)
	if err != nil {
		return err
	}
	v.Tasks = []docTask{}
	for _, t := range tasks {
		if !sc.UnitOn(t.UnitID, d) && !sc.UnitOn(t.UnitID, t.DueOn) {
			continue // a task belongs to its unit's scope
		}
		st := tochuc.TaskStatus(t.DueOn, t.DoneOn, d)
		v.Tasks = append(v.Tasks, docTask{DocTask: t, Status: st, StatusLabel: tochuc.Label("task_status", st)})
		units = append(units, t.UnitID)
	}
	targets, err := reg.DocumentTargets(ctx, doc.ID, documentPageMost)
	if err != nil {
		return err
	}
	v.Targets = []docTarget{}
	for _, t := range targets {
		def, ok := indicator.Lookup(t.Indicator)
		row := docTarget{DocTarget: t, IndicatorLabel: t.Indicator, Share: def.Share, OpLabel: tochuc.Label("target_op", t.Op),
			ValueText: targetValueText(t.Value, def.Share)}
		if ok {
			row.IndicatorLabel = def.LabelOn(d)
		}
		v.Targets = append(v.Targets, row)
		if t.ScopeID != "" {
			units = append(units, t.ScopeID)
		}
	}
	files, err := reg.DocumentFiles(ctx, doc.ID, documentPageMost)
	if err != nil {
		return err
	}
	v.Files = []docFile{}
	for _, f := range files {
		v.Files = append(v.Files, docFile{DocFile: f, Size: fileSizeText(f.Bytes), Link: documentPath(doc.ID) + "/tep/" + url.PathEscape(f.Name)})
	}
	links, err := reg.DocumentRestructures(ctx, doc.ID, documentPageMost)
	if err != nil {
		return err
	}
	v.Restructures = []tochuc.RestructureLink{}
	for _, l := range links {
		if (l.FromUnitID == "" || !sc.UnitOn(l.FromUnitID, l.Date.AddDays(-1))) && (l.ToUnitID == "" || !sc.UnitOn(l.ToUnitID, l.Date)) {
			continue
		}
		v.Restructures = append(v.Restructures, l)
		units = append(units, l.FromUnitID, l.ToUnitID)
	}
	posts, err := reg.DocumentAssignments(ctx, doc.ID, documentPageMost)
	if err != nil {
		return err
	}
	v.Posts = []tochuc.Assignment{}
	var people []string
	for _, a := range posts {
		if !sc.UnitOn(a.UnitID, a.From) {
			continue
		}
		v.Posts = append(v.Posts, a)
		units = append(units, a.UnitID)
		people = append(people, a.PersonID)
	}
	if v.UnitNames, err = reg.UnitNames(ctx, nonEmpty(units), d); err != nil {
		return err
	}
	if len(people) > 0 {
		if v.PersonNames, err = reg.PersonNames(ctx, people); err != nil {
			return err
		}
	}
	for i := len(v.ReplacedBy) - 1; i >= 0; i-- {
		data.Chain = append(data.Chain, chainLink{v.ReplacedBy[i], "replaced_by"})
	}
	data.Chain = append(data.Chain, chainLink{doc, "self"})
	for _, x := range v.Replaces {
		data.Chain = append(data.Chain, chainLink{x, "replaces"})
	}
	data.Report = onDate(documentPath(doc.ID)+"/thuc-hien", d)
	if err := s.documentLinks(ctx, d, &data); err != nil {
		return err
	}
	s.render(w, r, "document.html", http.StatusOK, page{Title: doc.Number, Date: d, Data: data, API: data.documentView})
	return nil
}

// documentLinks sets the edit links and the upload form of a user who may
// edit the document (the write policy, asked of the document's row).
func (s *Server) documentLinks(ctx context.Context, d tochuc.Date, data *documentData) error {
	ed, err := s.editable(ctx)
	if err != nil {
		return err
	}
	doc := data.Document
	if data.CanEdit, err = ed.row(ctx, "documents", app.DocumentRecordCells(doc)); err != nil || !data.CanEdit {
		return err
	}
	q := url.Values{"ngay": {d.String()}, "id": {doc.ID}}
	data.Edit = "/sua/documents?" + q.Encode()
	data.Upload = documentPath(doc.ID) + "/tep"
	q = url.Values{"ngay": {d.String()}, "document_id": {doc.ID}}
	data.AddTask = "/sua/document_tasks?" + q.Encode()
	data.AddGoal = "/sua/document_targets?" + q.Encode()
	for i, t := range data.Tasks {
		cells := []string{t.DocumentID, t.TaskID, t.UnitID, t.Title, t.DueOn.String(), t.DoneOn.String(), t.Note}
		if ok, err := ed.row(ctx, "document_tasks", cells); err != nil {
			return err
		} else if ok {
			q := url.Values{"ngay": {d.String()}, "document_id": {doc.ID}, "task_id": {t.TaskID}}
			data.Tasks[i].Edit = "/sua/document_tasks?" + q.Encode()
		}
	}
	for i, t := range data.Targets {
		q := url.Values{"ngay": {d.String()}, "document_id": {doc.ID}, "target_id": {t.TargetID}}
		data.Targets[i].Edit = "/sua/document_targets?" + q.Encode()
	}
	return nil
}

func nonEmpty(ids []string) []string {
	out := ids[:0]
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

// targetValueText writes a target's value as a person reads it: a share as
// a percentage (0.7 → 70 %), a number the Vietnamese way (1.186; 2,5).
func targetValueText(value string, share bool) string {
	f, ok := tochuc.ParseNumber(value)
	if !ok {
		return value
	}
	if share {
		s := strconv.FormatFloat(f*100, 'f', -1, 64)
		return strings.Replace(s, ".", ",", 1) + " %"
	}
	return vnDecimal(f)
}

// vnDecimal writes a number the Vietnamese way: 1.186, 2,5, -1.120,75.
func vnDecimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return strings.Replace(s, ".", ",", 1)
	}
	out := tochuc.FormatInt(n)
	if n == 0 && strings.HasPrefix(whole, "-") {
		out = "-0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// fileSizeText writes a file's size: 512 byte, 12,3 KB, 1,5 MB.
func fileSizeText(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1<<20:
		return strings.Replace(strconv.FormatFloat(float64(n)/1024, 'f', 1, 64), ".", ",", 1) + " KB"
	}
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
}
