package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Draft statuses.
const (
	DraftOpen    = "draft"
	DraftAdopted = "adopted"
)

// Draft is a restructuring saved without being applied (table
// restructure_drafts, migration 0019): its operations as entered (JSON
// text), the unit whose staff see it and the units it touches.
type Draft struct {
	ID          int64
	Name        string
	ScopeUnitID string   // "" for the whole registry
	Units       []string // the units it touches (read policy)
	Operations  string   // JSON
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedBy   string
	UpdatedAt   time.Time
	Version     int
	Status      string // DraftOpen or DraftAdopted
	ChangeSet   int64  // the change set that adopted it
	DocumentID  string // its decision, once adopted
}

const draftColumns = `id, name, scope_unit_id, units, operations, created_by, created_at, updated_by, updated_at,
	version, status, change_set, document_id`

func scanDraft(r interface{ Scan(...any) error }) (Draft, error) {
	var d Draft
	var units string
	var created, updated int64
	var cs sql.NullInt64
	var doc sql.NullString
	if err := r.Scan(&d.ID, &d.Name, &d.ScopeUnitID, &units, &d.Operations, &d.CreatedBy, &created, &d.UpdatedBy, &updated,
		&d.Version, &d.Status, &cs, &doc); err != nil {
		return d, err
	}
	if units != "" {
		d.Units = strings.Split(units, ",")
	}
	d.CreatedAt, d.UpdatedAt = time.UnixMicro(created).UTC(), time.UnixMicro(updated).UTC()
	d.ChangeSet, d.DocumentID = cs.Int64, doc.String
	return d, nil
}

// SaveDraft records a new draft (d.ID 0) or a new version of one (d.ID set,
// d.Version the version it was read at), with its audit entry, in one
// transaction. It returns the draft as saved. A stale version, or a draft
// adopted meanwhile, is refused with EConflict; a missing one with ENotFound.
func (db *DB) SaveDraft(ctx context.Context, d Draft, audit tochuc.AuditEntry) (Draft, error) {
	now := time.Now()
	err := db.draftTx(ctx, func(tx *sql.Tx) error {
		units := strings.Join(d.Units, ",")
		if d.ID == 0 {
			err := tx.QueryRowContext(ctx, db.rebind(`INSERT INTO restructure_drafts (name, scope_unit_id, units, operations,
				created_by, created_at, updated_by, updated_at, version, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'draft') RETURNING id`),
				d.Name, d.ScopeUnitID, units, d.Operations, d.UpdatedBy, now.UnixMicro(), d.UpdatedBy, now.UnixMicro()).Scan(&d.ID)
			if err != nil {
				return err
			}
			d.CreatedBy, d.CreatedAt, d.Version = d.UpdatedBy, now.UTC(), 1
		} else {
			res, err := tx.ExecContext(ctx, db.rebind(`UPDATE restructure_drafts SET name = ?, scope_unit_id = ?, units = ?,
				operations = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'draft'`),
				d.Name, d.ScopeUnitID, units, d.Operations, d.UpdatedBy, now.UnixMicro(), d.ID, d.Version)
			if err != nil {
				return err
			}
			if err := db.draftChanged(ctx, tx, res, d.ID, d.Version); err != nil {
				return err
			}
			d.Version++
		}
		d.UpdatedAt, d.Status = now.UTC(), DraftOpen
		audit.ObjectType, audit.ObjectID, audit.At = "restructure_draft", draftID(d.ID), now
		return appendAudit(ctx, tx, db.Dialect, audit)
	})
	return d, err
}

// DeleteDraft deletes a draft read at version, with its audit entry. An
// adopted draft is kept (EConflict): it is the record of its adoption.
func (db *DB) DeleteDraft(ctx context.Context, id int64, version int, audit tochuc.AuditEntry) error {
	return db.draftTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM restructure_drafts WHERE id = ? AND version = ? AND status = 'draft'`), id, version)
		if err != nil {
			return err
		}
		if err := db.draftChanged(ctx, tx, res, id, version); err != nil {
			return err
		}
		audit.ObjectType, audit.ObjectID = "restructure_draft", draftID(id)
		return appendAudit(ctx, tx, db.Dialect, audit)
	})
}

// AdoptDraft marks a draft read at version adopted by the change set c,
// with its decision document, inside c's transaction: the draft and the
// restructuring it holds are kept together or not at all.
func (c *Change) AdoptDraft(ctx context.Context, id int64, version int, documentID string) error {
	res, err := c.Tx.ExecContext(ctx, c.db.rebind(`UPDATE restructure_drafts SET status = 'adopted', change_set = ?, document_id = ?,
		version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? AND version = ? AND status = 'draft'`),
		c.ID, documentID, c.By, time.Now().UnixMicro(), id, version)
	if err != nil {
		return err
	}
	return c.db.draftChanged(ctx, c.Tx, res, id, version)
}

// draftChanged turns an update or delete that touched no row into its reason.
func (db *DB) draftChanged(ctx context.Context, q querier, res sql.Result, id int64, version int) error {
	n, err := res.RowsAffected()
	if err != nil || n == 1 {
		return err
	}
	cur, err := draftBy(ctx, db, q, id)
	if err != nil {
		return err
	}
	if cur.Status == DraftAdopted {
		return tochuc.Errorf(tochuc.EConflict, "Bản nháp '%s' đã được thông qua (bộ thay đổi %d); không thể sửa, xóa hay thông qua lần nữa.", cur.Name, cur.ChangeSet)
	}
	return tochuc.Errorf(tochuc.EConflict, "Bản nháp '%s' đã được %s lưu lúc %s (phiên bản %d, bạn đang sửa phiên bản %d): hãy mở lại bản nháp rồi sửa tiếp; thay đổi của bạn chưa được lưu.",
		cur.Name, cur.UpdatedBy, cur.UpdatedAt.In(time.FixedZone("GMT+7", 7*3600)).Format("15:04 02/01/2006"), cur.Version, version)
}

// Draft returns a draft, or ENotFound.
func (db *DB) Draft(ctx context.Context, id int64) (Draft, error) { return draftBy(ctx, db, db.DB, id) }

func draftBy(ctx context.Context, db *DB, q querier, id int64) (Draft, error) {
	d, err := scanDraft(q.QueryRowContext(ctx, db.rebind(`SELECT `+draftColumns+` FROM restructure_drafts WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, tochuc.Errorf(tochuc.ENotFound, "Không có bản nháp sắp xếp số %d.", id)
	}
	return d, err
}

// EachDraft calls fn with the drafts, latest saved first, until fn returns
// false: a page is read without holding every draft.
func (db *DB) EachDraft(ctx context.Context, fn func(Draft) bool) error {
	rows, err := db.QueryContext(ctx, `SELECT `+draftColumns+` FROM restructure_drafts ORDER BY updated_at DESC, id DESC`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return err
		}
		if !fn(d) {
			return nil
		}
	}
	return rows.Err()
}

// draftTx runs fn in one transaction on the pool and commits when it returns nil.
func (db *DB) draftTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func draftID(id int64) string { return strconv.FormatInt(id, 10) }
