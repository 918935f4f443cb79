package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// RecordView is a record as its edit form shows it: the held record (for a
// unit, its version on the day looked at) with its version, or a new one.
type RecordView struct {
	File    *bundle.File
	Cells   []string // aligned to File.Columns
	Version string   // "" for a new record
	New     bool
}

// Record reads the record of a file with a key, for editing: the account
// must be allowed to write it (the scope policy, as for the edit itself). A
// key that names no held record gives a new, empty record.
//
// A confidential record needs the permission to read it; its read, through
// via (the page or API path), is written to the audit log; without the
// permission a confidential column shows blank.
func (a *App) Record(ctx context.Context, act Actor, file string, key map[string]string, d tochuc.Date, via string) (*RecordView, error) {
	u := act.User
	f := bundle.FileByName(file)
	if f == nil {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", file)
	}
	if !u.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	if f.Confidential && !u.CanReadConfidential() {
		return nil, errConfidential("bản ghi " + strings.ToLower(tochuc.Label("file", f.Name)))
	}
	r := a.db.Reader(sqldb.Recorded{})
	v := &RecordView{File: f, New: true, Cells: make([]string, len(f.Columns))}
	if len(key) == 0 {
		return v, nil
	}
	key = keyOf(f, key) // an evaluation's period left out is its default
	cells, err := current(ctx, r, f, key, d)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return v, nil
	}
	if err != nil {
		return nil, a.fault(err)
	}
	stamp, err := r.Stamp(ctx, f, key)
	if err != nil {
		return nil, a.fault(err)
	}
	sc, err := a.scopeOn(ctx, r, u)
	if err != nil {
		return nil, err
	}
	sc.ip = act.IP
	if why, err := sc.Writable(ctx, f, cells); err != nil {
		return nil, err
	} else if why != "" {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Bản ghi nằm ngoài phạm vi được giao: %s.", why)
	}
	v.Cells, v.Version, v.New = sc.Cells(f, cells), strconv.FormatInt(stamp, 10), false
	if sc.MayReadConfidential() && HasConfidential(f, cells) {
		if err := sc.LogRead(ctx, ConfidentialRead{File: f.Name, Via: via, Keys: []string{RecordKey(f, cells)}}); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Writable returns why a held record (cells aligned to f.Columns) may not be
// written by the scope's account, or "" when it may.
func (s *Scope) Writable(ctx context.Context, f *bundle.File, cells []string) (string, error) {
	if s.view == nil {
		return "", nil
	}
	var ids []string
	r := refsOf(f, cells)
	for _, p := range r.persons {
		ids = append(ids, p.id)
	}
	if err := s.loadPlaces(ctx, ids); err != nil {
		return "", err
	}
	if r.partOfDocuments() {
		if err := s.loadDocs(ctx, r.docs); err != nil {
			return "", err
		}
	}
	return s.view.writable(f, cells), nil
}
