package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// ImportJob is an import job of the web app as the database keeps it, so
// that every process serving the database sees the same jobs (on SQLite, in
// a side file beside the database: jobFile).
type ImportJob struct {
	ID, Name, Owner string
	// Phase: uploading, checking, checked, importing, done, failed.
	Phase string
	// File and Rows are the progress of the check or import running: the
	// file being read and its rows read; Done the rows read of the whole
	// bundle, of Total (0 while they are counted).
	File        string
	Rows        int
	Done, Total int
	// Report is the bundle's report as JSON ("" until there is one).
	Report string
	// Err says in Vietnamese why the job failed.
	Err string
	// Worker is the process running the job; Beat when it last said it runs it.
	Worker  string
	Beat    time.Time
	Created time.Time
	Size    int64
}

// JobPartSize is the largest part of an uploaded file kept in one row.
const JobPartSize = 1 << 20

// CreateImportJob adds a job.
func (db *DB) CreateImportJob(ctx context.Context, j ImportJob) error {
	_, err := jexec(ctx, db, db.rebind(`INSERT INTO import_jobs (id, name, owner, phase, worker, beat_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`), j.ID, j.Name, j.Owner, j.Phase, j.Worker, j.Beat.UnixMicro(), j.Created.UnixMicro())
	return err
}

// SaveImportJobFile keeps the uploaded file of a job, read from r, in parts
// of at most JobPartSize (each part its own short write, so that a slow
// upload holds no lock), and returns its size.
func (db *DB) SaveImportJobFile(ctx context.Context, id string, r io.Reader) (int64, error) {
	buf := make([]byte, JobPartSize)
	var size int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			if _, err := jexec(ctx, db, db.rebind(`INSERT INTO import_job_parts (job_id, seq, data) VALUES (?, ?, ?)`),
				id, seq, buf[:n]); err != nil {
				return size, err
			}
			size += int64(n)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return size, err
		}
	}
	_, err := jexec(ctx, db, db.rebind(`UPDATE import_jobs SET size = ? WHERE id = ?`), size, id)
	return size, err
}

// ImportJobFile writes a job's uploaded file to w, one part at a time.
func (db *DB) ImportJobFile(ctx context.Context, id string, w io.Writer) error {
	jdb, err := db.jobsDB(ctx)
	if err != nil {
		return err
	}
	for seq := 0; ; seq++ {
		var data []byte
		err := jdb.QueryRowContext(ctx, db.rebind(`SELECT data FROM import_job_parts WHERE job_id = ? AND seq = ?`), id, seq).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
}

// ImportJob returns a job. Error: ENotFound.
func (db *DB) ImportJob(ctx context.Context, id string) (ImportJob, error) {
	j := ImportJob{ID: id}
	jdb, err := db.jobsDB(ctx)
	if err != nil {
		return j, err
	}
	var beat, created int64
	err = jdb.QueryRowContext(ctx, db.rebind(`SELECT name, owner, phase, file, rows_done, rows_all, rows_total, report, error, worker,
		beat_at, created_at, size FROM import_jobs WHERE id = ?`), id).
		Scan(&j.Name, &j.Owner, &j.Phase, &j.File, &j.Rows, &j.Done, &j.Total, &j.Report, &j.Err, &j.Worker, &beat, &created, &j.Size)
	if errors.Is(err, sql.ErrNoRows) {
		return j, tochuc.Errorf(tochuc.ENotFound, "Không có phiên nhập dữ liệu này.")
	}
	j.Beat, j.Created = micros(beat), micros(created)
	return j, err
}

// ClaimImportJob makes worker run a job that is in phase from, moving it to
// phase to: of two processes claiming one job, one only gets true.
func (db *DB) ClaimImportJob(ctx context.Context, id, from, to, worker string, now time.Time) (bool, error) {
	res, err := jexec(ctx, db, db.rebind(`UPDATE import_jobs SET phase = ?, worker = ?, beat_at = ?, file = '', rows_done = 0, rows_all = 0, rows_total = 0
		WHERE id = ? AND phase = ?`), to, worker, now.UnixMicro(), id, from)
	return changedOne(res, err)
}

// BeatImportJob says that worker still runs the job in phase, with its
// progress (the file being read and its rows read, the rows read of the
// whole bundle and their total); false when the job is no longer its own
// (e.g. marked failed).
func (db *DB) BeatImportJob(ctx context.Context, id, worker, phase, file string, rows, done, total int, now time.Time) (bool, error) {
	res, err := jexec(ctx, db, db.rebind(`UPDATE import_jobs SET beat_at = ?, file = ?, rows_done = ?, rows_all = ?, rows_total = ?
		WHERE id = ? AND worker = ? AND phase = ?`), now.UnixMicro(), file, rows, done, total, id, worker, phase)
	return changedOne(res, err)
}

// FinishImportJob ends what worker ran of a job (in phase from): its new
// phase, report and error. Unless keepFile, the uploaded file is deleted.
// False when the job was no longer the worker's.
func (db *DB) FinishImportJob(ctx context.Context, id, worker, from, phase, report, errText string, keepFile bool) (bool, error) {
	res, err := jexec(ctx, db, db.rebind(`UPDATE import_jobs SET phase = ?, report = ?, error = ?, file = '', rows_done = 0, rows_all = 0,
		rows_total = 0 WHERE id = ? AND worker = ? AND phase = ?`), phase, report, errText, id, worker, from)
	ok, err := changedOne(res, err)
	if err == nil && !keepFile {
		_, err = jexec(ctx, db, db.rebind(`DELETE FROM import_job_parts WHERE job_id = ?`), id)
	}
	return ok, err
}

// FailStaleImportJob marks a job failed, saying why, and deletes its file
// when its worker has not beaten since before: the process running it
// stopped. True when it did.
func (db *DB) FailStaleImportJob(ctx context.Context, id string, before time.Time, why string) (bool, error) {
	res, err := jexec(ctx, db, db.rebind(`UPDATE import_jobs SET phase = 'failed', error = ?, file = '', rows_done = 0
		WHERE id = ? AND phase IN ('uploading', 'checking', 'importing') AND beat_at < ?`), why, id, before.UnixMicro())
	ok, err := changedOne(res, err)
	if ok && err == nil {
		_, err = jexec(ctx, db, db.rebind(`DELETE FROM import_job_parts WHERE job_id = ?`), id)
	}
	return ok, err
}

// DeleteImportJobs deletes the jobs begun before a time, with their files.
func (db *DB) DeleteImportJobs(ctx context.Context, before time.Time) (int64, error) {
	jdb, err := db.jobsDB(ctx)
	if err != nil {
		return 0, err
	}
	tx, err := jdb.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	b := before.UnixMicro()
	if _, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM import_job_parts WHERE job_id IN
		(SELECT id FROM import_jobs WHERE created_at < ?)`), b); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM import_jobs WHERE created_at < ?`), b)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return n, tx.Commit()
}

// changedOne reports whether a statement changed one row.
func changedOne(res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// jexec runs a statement on the database of the import jobs.
func jexec(ctx context.Context, db *DB, q string, args ...any) (sql.Result, error) {
	jdb, err := db.jobsDB(ctx)
	if err != nil {
		return nil, err
	}
	return jdb.ExecContext(ctx, q, args...)
}
