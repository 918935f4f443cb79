package app

import (
	"context"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// A document's attached files (bundle-v1 amendment 3): uploaded one at a
// time, their content kept once by SHA-256 in the same change set as the
// document_files row that names it, written and read under the scope policy
// as a part of the document.

var documentFilesFile = bundle.FileByName("document_files")

// AttachRequest is a file uploaded for a document.
type AttachRequest struct {
	DocumentID string
	Name       string // as uploaded: sanitized by bundle.AttachedName
	Content    []byte
}

// AttachResult is what an upload recorded.
type AttachResult struct {
	Name      string // the name kept
	SHA256    string
	MediaType string
	Replaced  bool // a file of that name was there before
	ChangeSet int64
}

// AttachFile records an uploaded file of a document: its content is checked
// (kind by content, at most 20 MiB), stored once and named by a
// document_files row (a file of the same name is replaced), in one change
// set under the actor's scope, audited.
func (a *App) AttachFile(ctx context.Context, act Actor, req AttachRequest) (*AttachResult, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	name, err := bundle.AttachedName(req.Name)
	if err != nil {
		return nil, err
	}
	typ, sha, err := bundle.CheckAttached(name, req.Content, "", -1)
	if err != nil {
		return nil, err
	}
	f := documentFilesFile
	row := map[string]string{"document_id": req.DocumentID, "name": name, "sha256": sha, "bytes": strconv.Itoa(len(req.Content))}
	res := &AttachResult{Name: name, SHA256: sha, MediaType: typ.MediaType}
	audit := tochuc.AuditEntry{ObjectType: f.Name, ObjectID: keyString(f, row), Action: f.Name + ".add",
		Detail: map[string]any{"after": row, "media_type": typ.MediaType}}
	rep, err := a.write(ctx, act, "attach "+name, audit, func(c *sqldb.Change, audit *tochuc.AuditEntry) (*bundle.Report, error) {
		docs, err := c.Reader(true).DocumentRows(ctx, []string{req.DocumentID})
		if err != nil {
			return nil, err
		}
		if docs[req.DocumentID] == nil {
			return nil, tochuc.Errorf(tochuc.ENotFound, "không có văn bản mã '%s'", req.DocumentID)
		}
		key := map[string]string{"document_id": req.DocumentID, "name": name}
		edit := EditRequest{File: f.Name, Values: row}
		old, err := c.Reader(true).Record(ctx, f, key)
		switch {
		case err == nil:
			res.Replaced = true
			edit.Original = key
			audit.Action = f.Name + ".replace"
			audit.Detail["before"] = cellsMap(f, old)
		case tochuc.ErrorCode(err) != tochuc.ENotFound:
			return nil, err
		}
		if err := a.mayEdit(ctx, c, act, f, edit); err != nil {
			return nil, err
		}
		if err := c.PutBlob(ctx, sqldb.Blob{SHA256: sha, Bytes: int64(len(req.Content)), MediaType: typ.MediaType, Content: req.Content}); err != nil {
			return nil, err
		}
		res.ChangeSet = c.ID
		t := bundle.Tables{}
		t.Add(f.Name, row)
		return bundle.Import(ctx, t, c, bundle.Options{})
	})
	if err != nil {
		return nil, err
	}
	if rep != nil && !rep.OK() {
		for _, is := range rep.Issues {
			if !is.Warning {
				return nil, tochuc.Errorf(tochuc.EInvalid, "Chưa ghi tệp: %s", is.Vi)
			}
		}
		return nil, tochuc.Errorf(tochuc.EInvalid, "Chưa ghi tệp: dữ liệu có %d lỗi.", rep.Errors)
	}
	return res, nil
}

// DocumentFile returns an attached file of a document for download, when
// the account may read it (the scope policy, as for the document).
func (a *App) DocumentFile(ctx context.Context, act Actor, documentID, name string) (*sqldb.Blob, error) {
	f := documentFilesFile
	r := a.db.Reader(sqldb.Recorded{})
	notFound := tochuc.Errorf(tochuc.ENotFound, "Văn bản '%s' không có tệp đính kèm tên '%s'.", documentID, name)
	cells, err := r.Record(ctx, f, map[string]string{"document_id": documentID, "name": name})
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil, notFound
	}
	if err != nil {
		return nil, a.fault(err)
	}
	sc, err := a.scopeOn(ctx, r, act.User)
	if err != nil {
		return nil, err
	}
	if ok, err := sc.Row(ctx, f, cells); err != nil {
		return nil, a.fault(err)
	} else if !ok {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Văn bản '%s' nằm ngoài phạm vi được giao.", documentID)
	}
	b, err := r.Blob(ctx, cells[f.Index("sha256")])
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil, tochuc.Errorf(tochuc.ENotFound, "Nội dung tệp '%s' của văn bản '%s' chưa được lưu trong sổ (chỉ có dòng ghi tên tệp).", name, documentID)
	}
	if err != nil {
		return nil, a.fault(err)
	}
	return b, nil
}
