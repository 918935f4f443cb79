package sqldb

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// A document's page (bundle-v1 amendment 3): the document, its chain of
// replacements, the tasks it assigns, the targets it sets, its files and the
// records that cite it.

// documentColumns are the columns of a tochuc.Document, in scan order.
const documentColumns = `id, number, kind, COALESCE(issuer_id, ''), issued_on, title, COALESCE(replaces_id, ''), effective_on, expires_on`

func scanDocument(s scanner, d *tochuc.Document) error {
	return s.Scan(&d.ID, &d.Number, &d.Kind, &d.IssuerID, &d.IssuedOn, &d.Title, &d.ReplacesID, &d.EffectiveOn, &d.ExpiresOn)
}

// DocumentChainMost is the most links of a replacement chain a page follows
// each way (a chain cannot loop, but it is read a link at a time).
const DocumentChainMost = 50

// Document returns a document held now. Error: ENotFound.
func (r *Reader) Document(ctx context.Context, id string) (tochuc.Document, error) {
	var out []tochuc.Document
	err := r.each(ctx, `SELECT `+documentColumns+` FROM documents WHERE `+r.rec.where("")+` AND id = ?`, []any{id},
		func(s scanner) error {
			var d tochuc.Document
			err := scanDocument(s, &d)
			out = append(out, d)
			return err
		})
	if err == nil && len(out) == 0 {
		err = tochuc.Errorf(tochuc.ENotFound, "không có văn bản '%s'", id)
	}
	if err != nil {
		return tochuc.Document{}, err
	}
	return out[0], nil
}

// DocumentsReplacing returns the documents that replace a document
// (replaces_id = id), earliest in effect first.
func (r *Reader) DocumentsReplacing(ctx context.Context, id string) ([]tochuc.Document, error) {
	var out []tochuc.Document
	err := r.each(ctx, `SELECT `+documentColumns+` FROM documents WHERE `+r.rec.where("")+
		` AND replaces_id = ? ORDER BY COALESCE(effective_on, issued_on), id LIMIT ?`, []any{id, DocumentChainMost},
		func(s scanner) error {
			var d tochuc.Document
			err := scanDocument(s, &d)
			out = append(out, d)
			return err
		})
	return out, err
}

// DocumentChain returns what a document replaces, the nearest first,
// following replaces_id, and what replaced it, the nearest first (the
// earliest in effect of the documents replacing each), at most
// DocumentChainMost each way.
func (r *Reader) DocumentChain(ctx context.Context, doc tochuc.Document) (replaces, replacedBy []tochuc.Document, err error) {
	seen := map[string]bool{doc.ID: true}
	for id := doc.ReplacesID; id != "" && !seen[id] && len(replaces) < DocumentChainMost; {
		d, err := r.Document(ctx, id)
		if tochuc.ErrorCode(err) == tochuc.ENotFound {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		seen[id] = true
		replaces = append(replaces, d)
		id = d.ReplacesID
	}
	for id := doc.ID; len(replacedBy) < DocumentChainMost; {
		next, err := r.DocumentsReplacing(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		if len(next) == 0 || seen[next[0].ID] {
			break
		}
		seen[next[0].ID] = true
		replacedBy = append(replacedBy, next[0])
		id = next[0].ID
	}
	return replaces, replacedBy, nil
}

// DocTask is a task a document assigns (document_tasks.csv).
type DocTask struct {
	DocumentID string      `json:"document_id"`
	TaskID     string      `json:"task_id"`
	UnitID     string      `json:"unit_id"`
	Title      string      `json:"title"`
	DueOn      tochuc.Date `json:"due_on"`
	DoneOn     tochuc.Date `json:"done_on,omitempty"`
	Note       string      `json:"note,omitempty"`
}

// DocTarget is a target a document sets (document_targets.csv).
type DocTarget struct {
	DocumentID string      `json:"document_id"`
	TargetID   string      `json:"target_id"`
	Indicator  string      `json:"indicator"`
	ScopeID    string      `json:"scope_id,omitempty"`
	DueOn      tochuc.Date `json:"due_on"`
	Op         string      `json:"op"`
	Value      string      `json:"value"`
	Label      string      `json:"label,omitempty"`
}

// DocFile is a file attached to a document (document_files.csv).
type DocFile struct {
	DocumentID string `json:"document_id"`
	Name       string `json:"name"`
	SHA256     string `json:"sha256"`
	Bytes      int64  `json:"bytes"`
}

// DocumentTasks returns the tasks a document assigns, by deadline then
// task id, at most limit.
func (r *Reader) DocumentTasks(ctx context.Context, docID string, limit int) ([]DocTask, error) {
	var out []DocTask
	err := r.each(ctx, `SELECT document_id, task_id, unit_id, title, due_on, done_on, COALESCE(note, '') FROM document_tasks WHERE `+
		r.rec.where("")+` AND document_id = ? ORDER BY due_on, task_id LIMIT ?`, []any{docID, limit}, func(s scanner) error {
		var t DocTask
		err := s.Scan(&t.DocumentID, &t.TaskID, &t.UnitID, &t.Title, &t.DueOn, &t.DoneOn, &t.Note)
		out = append(out, t)
		return err
	})
	return out, err
}

// DocumentTargets returns the targets a document sets, by target id, at most limit.
func (r *Reader) DocumentTargets(ctx context.Context, docID string, limit int) ([]DocTarget, error) {
	var out []DocTarget
	err := r.each(ctx, `SELECT document_id, target_id, indicator, COALESCE(scope_id, ''), due_on, op, value, COALESCE(label, '')
		FROM document_targets WHERE `+r.rec.where("")+` AND document_id = ? ORDER BY target_id LIMIT ?`, []any{docID, limit},
		func(s scanner) error {
			var t DocTarget
			err := s.Scan(&t.DocumentID, &t.TargetID, &t.Indicator, &t.ScopeID, &t.DueOn, &t.Op, &t.Value, &t.Label)
			out = append(out, t)
			return err
		})
	return out, err
}

// DocumentFiles returns the files attached to a document, by name, at most limit.
func (r *Reader) DocumentFiles(ctx context.Context, docID string, limit int) ([]DocFile, error) {
	var out []DocFile
	err := r.each(ctx, `SELECT document_id, name, sha256, bytes FROM document_files WHERE `+r.rec.where("")+
		` AND document_id = ? ORDER BY name LIMIT ?`, []any{docID, limit}, func(s scanner) error {
		var f DocFile
		err := s.Scan(&f.DocumentID, &f.Name, &f.SHA256, &f.Bytes)
		out = append(out, f)
		return err
	})
	return out, err
}

// DocumentRestructures returns the restructuring links a document decided,
// by date, at most limit.
func (r *Reader) DocumentRestructures(ctx context.Context, docID string, limit int) ([]tochuc.RestructureLink, error) {
	var out []tochuc.RestructureLink
	err := r.each(ctx, `SELECT event_id, date, kind, COALESCE(from_unit_id, ''), COALESCE(to_unit_id, ''), COALESCE(document_id, '')
		FROM restructure WHERE `+r.rec.where("")+` AND document_id = ? ORDER BY date, event_id, from_unit_id, to_unit_id LIMIT ?`,
		[]any{docID, limit}, func(s scanner) error {
			var l tochuc.RestructureLink
			err := s.Scan(&l.EventID, &l.Date, &l.Kind, &l.FromUnitID, &l.ToUnitID, &l.DocumentID)
			out = append(out, l)
			return err
		})
	return out, err
}

// DocumentAssignments returns the posts a document decided (assignments
// citing it), by start date, at most limit.
func (r *Reader) DocumentAssignments(ctx context.Context, docID string, limit int) ([]tochuc.Assignment, error) {
	var out []tochuc.Assignment
	err := r.each(ctx, `SELECT person_id, unit_id, role, valid_from, valid_to FROM assignments WHERE `+r.rec.where("")+
		` AND document_id = ? ORDER BY valid_from, person_id, unit_id, role LIMIT ?`, []any{docID, limit}, func(s scanner) error {
		a := tochuc.Assignment{DocumentID: docID}
		err := s.Scan(&a.PersonID, &a.UnitID, &a.Role, &a.From, &a.To)
		out = append(out, a)
		return err
	})
	return out, err
}
