package sqldb_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestImportJobs keeps a job and its file (in parts of 1 MiB) and runs it
// through its phases: one claim of two wins; a worker's beats and end count
// only while the job is its own; a job whose worker stopped beating is
// failed with its file gone; jobs older than a day are deleted.
func TestImportJobs(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx := context.Background()
	now := time.Now()
	if err := db.CreateImportJob(ctx, sqldb.ImportJob{ID: "j1", Name: "a.zip", Owner: "admin", Phase: "uploading", Worker: "A",
		Beat: now, Created: now}); err != nil {
		t.Fatal(err)
	}
	file := bytes.Repeat([]byte("tochuc\x00\xff"), (2*sqldb.JobPartSize+123)/8)
	if n, err := db.SaveImportJobFile(ctx, "j1", bytes.NewReader(file)); err != nil || n != int64(len(file)) {
		t.Fatalf("save: %d %v", n, err)
	}
	jdb, err := db.JobsDB(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var parts, biggest int
	if err := jdb.QueryRowContext(ctx, `SELECT COUNT(*), MAX(LENGTH(data)) FROM import_job_parts`).Scan(&parts, &biggest); err != nil {
		t.Fatal(err)
	}
	if parts != 3 || biggest > sqldb.JobPartSize {
		t.Errorf("the file in %d parts of at most %d bytes", parts, biggest)
	}
	var got bytes.Buffer
	if err := db.ImportJobFile(ctx, "j1", &got); err != nil || !bytes.Equal(got.Bytes(), file) {
		t.Fatalf("the file read back: %d bytes of %d, %v", got.Len(), len(file), err)
	}
	if ok, err := db.ClaimImportJob(ctx, "j1", "uploading", "checked", "A", now); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	a, errA := db.ClaimImportJob(ctx, "j1", "checked", "importing", "A", now)
	b, errB := db.ClaimImportJob(ctx, "j1", "checked", "importing", "B", now)
	if errA != nil || errB != nil || !a || b {
		t.Fatalf("two claims of one job: A %v %v, B %v %v", a, errA, b, errB)
	}
	if ok, _ := db.BeatImportJob(ctx, "j1", "B", "importing", "people", 5, 5, 0, now); ok {
		t.Error("a process beat for a job it does not run")
	}
	if ok, _ := db.BeatImportJob(ctx, "j1", "A", "importing", "people", 5, 7, 40, now.Add(time.Second)); !ok {
		t.Error("the worker's beat was not kept")
	}
	j, err := db.ImportJob(ctx, "j1")
	if err != nil || j.Phase != "importing" || j.Worker != "A" || j.File != "people" || j.Rows != 5 || j.Done != 7 || j.Total != 40 || j.Size != int64(len(file)) {
		t.Fatalf("job: %+v %v", j, err)
	}
	if ok, _ := db.FailStaleImportJob(ctx, "j1", now, "dừng"); ok {
		t.Error("a job beating was marked failed")
	}
	if ok, err := db.FailStaleImportJob(ctx, "j1", now.Add(time.Minute), "Máy chủ đã dừng"); !ok || err != nil {
		t.Fatalf("stale job not failed: %v", err)
	}
	if ok, _ := db.FinishImportJob(ctx, "j1", "A", "importing", "done", "{}", "", false); ok {
		t.Error("a worker ended a job marked failed by another")
	}
	j, _ = db.ImportJob(ctx, "j1")
	got.Reset()
	db.ImportJobFile(ctx, "j1", &got)
	if j.Phase != "failed" || j.Err != "Máy chủ đã dừng" || got.Len() != 0 {
		t.Errorf("stale job: %+v, %d bytes of file left", j, got.Len())
	}

	old := now.Add(-25 * time.Hour)
	db.CreateImportJob(ctx, sqldb.ImportJob{ID: "old", Name: "b.csv", Owner: "admin", Phase: "checked", Beat: old, Created: old})
	db.SaveImportJobFile(ctx, "old", bytes.NewReader([]byte("id\n")))
	if n, err := db.DeleteImportJobs(ctx, now.Add(-24*time.Hour)); n != 1 || err != nil {
		t.Fatalf("expired jobs deleted: %d %v", n, err)
	}
	if _, err := db.ImportJob(ctx, "old"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("expired job: %v", err)
	}
	if _, err := db.ImportJob(ctx, "j1"); err != nil {
		t.Errorf("young job: %v", err)
	}
	if err := jdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM import_job_parts`).Scan(&parts); err != nil || parts != 0 {
		t.Errorf("parts left: %d %v", parts, err)
	}
}

// TestImportJobsWhileWriting keeps jobs while a change set holds the write
// lock (an import being written): a bundle is uploaded and its job beats
// meanwhile. On SQLite the lock is the whole file's, so the jobs live in a
// side file beside it.
func TestImportJobsWhileWriting(t *testing.T) {
	db := sqldbtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	held, err := db.Begin(ctx, "a", "import lớn", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Rollback()
	now := time.Now()
	if err := db.CreateImportJob(ctx, sqldb.ImportJob{ID: "j", Name: "a.csv", Owner: "admin", Phase: "uploading", Worker: "A",
		Beat: now, Created: now}); err != nil {
		t.Fatalf("a job created while an import is written: %v", err)
	}
	if _, err := db.SaveImportJobFile(ctx, "j", bytes.NewReader([]byte("id,full_name\n"))); err != nil {
		t.Fatalf("an upload kept while an import is written: %v", err)
	}
	if ok, err := db.ClaimImportJob(ctx, "j", "uploading", "checking", "A", now); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if ok, err := db.BeatImportJob(ctx, "j", "A", "checking", "people", 1, 1, 0, now); !ok || err != nil {
		t.Fatalf("beat: %v %v", ok, err)
	}
	if j, err := db.ImportJob(ctx, "j"); err != nil || j.Rows != 1 {
		t.Fatalf("job: %+v %v", j, err)
	}
}

// TestJobsSideFileBefore0014: a SQLite database whose jobs' side file was
// made before migration 0014 gets the progress columns when it is opened.
func TestJobsSideFileBefore0014(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tochuc.db")
	ms, err := sqldb.Migrations(sqldb.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", "file:"+path+"-jobs")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Version == 13 {
			if _, err := old.ExecContext(ctx, m.SQL); err != nil {
				t.Fatal(err)
			}
		}
	}
	old.Close()
	db, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now()
	if err := db.CreateImportJob(ctx, sqldb.ImportJob{ID: "j", Name: "a.zip", Owner: "admin", Phase: "checking", Worker: "A",
		Beat: now, Created: now}); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.BeatImportJob(ctx, "j", "A", "checking", "people", 3, 30, 300, now); !ok || err != nil {
		t.Fatalf("beat: %v %v", ok, err)
	}
	if j, err := db.ImportJob(ctx, "j"); err != nil || j.Done != 30 || j.Total != 300 {
		t.Fatalf("job: %+v %v", j, err)
	}
}
