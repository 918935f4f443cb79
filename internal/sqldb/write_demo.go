package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// demoSetting names the settings row that marks a database created by
// loading the demo: its published accounts may be created in it.
const demoSetting = "demo"

// Contents is what a database holds besides its schema, counted for a message.
type Contents []struct {
	What string // Vietnamese, e.g. "đơn vị"
	N    int
}

// Empty reports whether the database holds nothing.
func (c Contents) Empty() bool {
	for _, x := range c {
		if x.N > 0 {
			return false
		}
	}
	return true
}

// String lists what is held, e.g. "4 đơn vị, 1 tài khoản".
func (c Contents) String() string {
	var parts []string
	for _, x := range c {
		if x.N > 0 {
			parts = append(parts, tochuc.FormatInt(x.N)+" "+x.What)
		}
	}
	return strings.Join(parts, ", ")
}

// contentQueries count what a database may hold. Every registry record is
// written by a change set, so "change sets" catches any file not named here
// (but the change set of its argument: one being written).
var contentQueries = []struct{ what, query string }{
	{"đơn vị", `SELECT COUNT(DISTINCT id) FROM units`},
	{"người", `SELECT COUNT(DISTINCT id) FROM people`},
	{"lần ghi dữ liệu", `SELECT COUNT(*) FROM changesets WHERE id <> ?`},
	{"tài khoản", `SELECT COUNT(*) FROM users`},
	{"mã truy cập", `SELECT COUNT(*) FROM api_tokens`},
	{"dòng nhật ký", `SELECT COUNT(*) FROM audit_log`},
}

// Contents counts the records, change sets, accounts and audit entries a database holds.
func (db *DB) Contents(ctx context.Context) (Contents, error) { return db.contents(ctx, db.DB, 0) }

// contents counts through a database or a transaction, leaving out the change set writing.
func (db *DB) contents(ctx context.Context, q querier, writing int64) (Contents, error) {
	out := make(Contents, len(contentQueries))
	for i, c := range contentQueries {
		var args []any
		if strings.Contains(c.query, "?") {
			args = append(args, writing)
		}
		out[i].What = c.what
		if err := q.QueryRowContext(ctx, db.rebind(c.query), args...).Scan(&out[i].N); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// IsDemo reports whether the database was created by loading the demo (ImportDemo).
func (db *DB) IsDemo(ctx context.Context) (bool, error) {
	var v string
	err := db.QueryRowContext(ctx, db.rebind(`SELECT value FROM settings WHERE name = ?`), demoSetting).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// ImportDemo imports the demo bundle into an empty database as one change
// set by audit.UserLogin (the command line: trusted), marked as the demo and
// audited by the caller's entry (its detail given the files, warnings and
// change set) in the same transaction. A database that holds anything is
// refused (EConflict, naming what it holds), checked inside the transaction.
func (db *DB) ImportDemo(ctx context.Context, src bundle.Source, source string, audit tochuc.AuditEntry, opt bundle.Options) (*bundle.Report, error) {
	c, err := db.Begin(ctx, audit.UserLogin, source, Trusted)
	if err != nil {
		return nil, err
	}
	held, err := db.contents(ctx, c.Tx, c.ID)
	if err != nil {
		c.Rollback()
		return nil, err
	}
	if !held.Empty() {
		c.Rollback()
		return nil, tochuc.Errorf(tochuc.EConflict, "cơ sở dữ liệu không trống (%s): không nạp dữ liệu mẫu", held)
	}
	rep, err := bundle.Import(ctx, src, c, opt)
	if err != nil || !rep.OK() {
		c.Rollback()
		return rep, err
	}
	if err := c.Note(ctx, "dữ liệu mẫu: "+ImportNote(rep)); err != nil {
		c.Rollback()
		return nil, err
	}
	detail := map[string]any{"files": rep.Files, "warnings": rep.Warnings, "change_set": c.ID}
	for k, v := range audit.Detail {
		detail[k] = v
	}
	audit.Detail = detail
	if err := AppendAuditTx(ctx, c, audit); err != nil {
		c.Rollback()
		return nil, err
	}
	if _, err := c.exec(ctx, `INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?)`,
		demoSetting, source, time.Now().UnixMicro()); err != nil {
		c.Rollback()
		return nil, err
	}
	return rep, c.Commit(ctx)
}
