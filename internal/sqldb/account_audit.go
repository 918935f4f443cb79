package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// AppendAudit adds an entry to the audit log (At zero: now). The log is
// append-only: the schema refuses to change or delete its rows.
func (db *DB) AppendAudit(ctx context.Context, e tochuc.AuditEntry) error {
	return appendAudit(ctx, db.DB, db.Dialect, e)
}

// sqlExecer is a database or a transaction.
type sqlExecer interface {
	// ExecContext runs a statement.
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// appendAudit writes an audit entry through a database or a transaction.
func appendAudit(ctx context.Context, ex sqlExecer, d Dialect, e tochuc.AuditEntry) error {
	if e.Action == "" {
		return tochuc.Errorf(tochuc.EInvalid, "thiếu hành động của nhật ký")
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	var detail any
	if len(e.Detail) > 0 {
		b, err := json.Marshal(e.Detail)
		if err != nil {
			return fmt.Errorf("audit detail: %w", err)
		}
		detail = string(b)
	}
	_, err := ex.ExecContext(ctx, rebind(d, `INSERT INTO audit_log (at, user_login, action, object_type, object_id, detail, ip)
		VALUES (?, ?, ?, ?, ?, ?, ?)`),
		e.At.UnixMicro(), e.UserLogin, e.Action, nullString(e.ObjectType), nullString(e.ObjectID), detail, nullString(e.IP))
	return err
}

// ListAudit returns the audit log entries matching f, newest first (by at,
// then id: read backwards through an index on (at, id), or (user_login,
// at, id) when filtered by user), and how many match (for paging; see
// f.CountCap).
func (db *DB) ListAudit(ctx context.Context, f tochuc.AuditFilter) ([]tochuc.AuditEntry, int, error) {
	var conds []string
	var args []any
	add := func(cond string, arg any) { conds, args = append(conds, cond), append(args, arg) }
	if !f.Since.IsZero() {
		add(`at >= ?`, f.Since.UnixMicro())
	}
	if !f.Until.IsZero() {
		add(`at < ?`, f.Until.UnixMicro())
	}
	if f.UserLogin != "" {
		add(`user_login = ?`, f.UserLogin)
	}
	if f.After != nil {
		at := f.After.At.UnixMicro()
		conds, args = append(conds, `(at < ? OR at = ? AND id < ?)`), append(args, at, at, f.After.ID)
	}
	if f.Person != "" {
		cond, a := touching(f.Person, "people")
		conds, args = append(conds, cond), append(args, a...)
	}
	if f.Unit != "" {
		cond, a := touching(f.Unit, "units")
		conds, args = append(conds, cond), append(args, a...)
	}
	if prefix, ok := strings.CutSuffix(f.Action, "."); ok {
		add(`action LIKE ? ESCAPE '\'`, likeEscaper.Replace(prefix)+".%")
	} else if f.Action != "" {
		add(`action = ?`, f.Action)
	}
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, ` AND `)
	}
	var total int
	count, countArgs := `SELECT COUNT(*) FROM audit_log`+where, args
	if f.CountCap > 0 {
		count, countArgs = `SELECT COUNT(*) FROM (SELECT 1 FROM audit_log`+where+` LIMIT ?) x`, append(slices.Clip(args), f.CountCap+1)
	}
	if f.CountCap >= 0 {
		if err := db.QueryRowContext(ctx, db.rebind(count), countArgs...).Scan(&total); err != nil {
			return nil, 0, err
		}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	rows, err := db.QueryContext(ctx, db.rebind(`SELECT id, at, user_login, action, COALESCE(object_type, ''), COALESCE(object_id, ''),
		COALESCE(detail, ''), COALESCE(ip, '') FROM audit_log`+where+` ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`),
		append(args, min(limit, 1000), max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []tochuc.AuditEntry
	for rows.Next() {
		var e tochuc.AuditEntry
		var at int64
		var detail string
		if err := rows.Scan(&e.ID, &at, &e.UserLogin, &e.Action, &e.ObjectType, &e.ObjectID, &detail, &e.IP); err != nil {
			return nil, 0, err
		}
		e.At = micros(at)
		if detail != "" {
			if err := json.Unmarshal([]byte(detail), &e.Detail); err != nil {
				return nil, 0, fmt.Errorf("audit entry %d: %w", e.ID, err)
			}
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// touching is the condition of the entries whose record's key holds id, an
// id of file ref ("people" or "units"): an edit's object id is its key's
// values joined by "|" (app.keyString), one condition per file and key
// position that references ref; a restructuring names its units in its
// detail.
func touching(id, ref string) (string, []any) {
	var ors []string
	var args []any
	like := likeEscaper.Replace(id)
	for _, f := range bundle.Files {
		for pos, k := range f.Key {
			c := f.Columns[f.Index(k)]
			if !(pos == 0 && f.Self == ref) && c.Ref != ref && c.RefVia == "" {
				continue
			}
			var cond string
			var arg string
			switch {
			case len(f.Key) == 1:
				cond, arg = `object_id = ?`, id
			case pos == 0:
				cond, arg = `object_id LIKE ? ESCAPE '\'`, like+"|%"
			case pos == len(f.Key)-1:
				cond, arg = `object_id LIKE ? ESCAPE '\'`, "%|"+like
			default:
				cond, arg = `object_id LIKE ? ESCAPE '\'`, "%|"+like+"|%"
			}
			ors, args = append(ors, `object_type = ? AND `+cond), append(args, f.Name, arg)
		}
	}
	if ref == "units" {
		ors, args = append(ors, `object_type = 'restructure' AND detail LIKE ? ESCAPE '\'`), append(args, `%"`+like+`"%`)
	}
	return `(` + strings.Join(ors, ` OR `) + `)`, args
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// AppendAuditTx adds an entry to the audit log inside a change set, so that
// the entry and the change are kept together or not at all.
func AppendAuditTx(ctx context.Context, c *Change, e tochuc.AuditEntry) error {
	return appendAudit(ctx, c.Tx, c.db.Dialect, e)
}
