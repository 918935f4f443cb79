package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Confidential records. The files the schema marks Confidential (cadre
// plans, evaluations, discipline) and its confidential columns (a person's
// citizen id) are read only by an account with the permission
// (tochuc.User.CanReadConfidential), inside its scope, on every path — a
// page, the API, an export, a drill-down, a finding — and every read is
// written to the audit log: who, when, through what, which records.
//
// The gate is the read policy itself (Scope.Row refuses a confidential row
// to an account without the permission; Scope.Cells blanks a confidential
// column), so a path that reads through the scope cannot forget it; the
// trace is Scope.LogRead, called by each path with the records it showed.

// maxLoggedKeys bounds the record keys one audit entry names (a list of a
// whole province's plans names its first ones and counts the rest).
const maxLoggedKeys = 200

// MayReadConfidential reports whether the scope's account may read
// confidential records.
func (s *Scope) MayReadConfidential() bool { return s.user.CanReadConfidential() }

// User returns the scope's account.
func (s *Scope) User() tochuc.User { return s.user }

// Cells returns a record's cells (aligned to f.Columns) as the scope may
// read them: confidential columns blank without the permission. The cells
// given are not changed.
func (s *Scope) Cells(f *bundle.File, cells []string) []string {
	if s.MayReadConfidential() {
		return cells
	}
	var out []string
	for i, c := range f.Columns {
		if c.Confidential && i < len(cells) && cells[i] != "" {
			if out == nil {
				out = append([]string(nil), cells...)
			}
			out[i] = ""
		}
	}
	if out == nil {
		return cells
	}
	return out
}

// ConfidentialRead is a read of confidential records to be logged: the
// file read, through what (a page's path, "api …", "export", "check"),
// and the keys of the records shown ("" parts joined by "|").
type ConfidentialRead struct {
	File  string
	Via   string
	Keys  []string
	Count int // records shown when more than Keys names; 0: len(Keys)
}

// Add notes one more record read, keeping its key while Keys names fewer
// than an audit entry holds (a read of a whole province's plans keeps its
// first keys and counts the rest).
func (rd *ConfidentialRead) Add(key string) {
	rd.Count = max(rd.Count, len(rd.Keys)) + 1
	if len(rd.Keys) < maxLoggedKeys {
		rd.Keys = append(rd.Keys, key)
	}
}

// LogRead writes a read of confidential records to the audit log. A read
// of nothing (no key, no count) is not logged.
func (s *Scope) LogRead(ctx context.Context, rd ConfidentialRead) error {
	n := max(rd.Count, len(rd.Keys))
	if n == 0 || s.app == nil {
		return nil
	}
	keys := rd.Keys
	if len(keys) > maxLoggedKeys {
		keys = keys[:maxLoggedKeys]
	}
	detail := map[string]any{"via": rd.Via, "count": n}
	if len(keys) > 0 {
		detail["records"] = keys
	}
	id := ""
	if len(keys) == 1 {
		id = keys[0]
	}
	return s.app.fault(s.app.db.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: s.user.Login, IP: s.ip,
		Action: tochuc.AuditConfidentialRead, ObjectType: rd.File, ObjectID: id, Detail: detail}))
}

// WithIP notes the address the scope's reads come from (for the audit log).
func (s *Scope) WithIP(ip string) *Scope { s.ip = ip; return s }

// RecordKey is the key of a record as the audit log names it: its key
// columns' values joined by "|".
func RecordKey(f *bundle.File, cells []string) string {
	k := ""
	for j, i := range f.KeyIndexes() {
		if j > 0 {
			k += "|"
		}
		if i < len(cells) {
			k += cells[i]
		}
	}
	return k
}

// HasConfidential reports whether a record holds confidential data: it is
// of a confidential file, or a confidential column holds a value.
func HasConfidential(f *bundle.File, cells []string) bool {
	if f.Confidential {
		return true
	}
	for i, c := range f.Columns {
		if c.Confidential && i < len(cells) && cells[i] != "" {
			return true
		}
	}
	return false
}
