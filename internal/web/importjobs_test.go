package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestImportJobStopped: a job whose process stopped beating a minute ago
// (it died) is shown failed, in Vietnamese, by whichever process is asked;
// a job begun over a day ago is gone; another account's job is not found.
func TestImportJobStopped(t *testing.T) {
	db := sqldbtest.Open(t)
	ts := serveDB(t, db)
	admin := signIn(t, ts, "admin")
	ctx := t.Context()
	now := time.Now()
	for _, j := range []sqldb.ImportJob{
		{ID: "dead", Name: "a.zip", Owner: "admin", Phase: "importing", Worker: "gone", Beat: now.Add(-2 * time.Minute), Created: now.Add(-time.Hour)},
		{ID: "alive", Name: "b.zip", Owner: "admin", Phase: "checking", Worker: "other", Beat: now, Created: now},
		{ID: "old", Name: "c.zip", Owner: "admin", Phase: "checked", Worker: "other", Beat: now.Add(-25 * time.Hour), Created: now.Add(-25 * time.Hour)},
		{ID: "theirs", Name: "d.zip", Owner: "staff", Phase: "checked", Beat: now, Created: now},
	} {
		if err := db.CreateImportJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	code, body := admin.get("/api/v1/imports/dead")
	if code != http.StatusOK || !strings.Contains(body, `"phase": "failed"`) || !strings.Contains(body, "đã dừng giữa chừng") {
		t.Errorf("a job whose process died: %d %s", code, body)
	}
	if code, body := admin.get("/api/v1/imports/alive"); code != http.StatusOK || !strings.Contains(body, `"phase": "checking"`) {
		t.Errorf("a job another process runs: %d %s", code, body)
	}
	for _, id := range []string{"old", "theirs"} {
		if code, _ := admin.get("/api/v1/imports/" + id); code != http.StatusNotFound {
			t.Errorf("job %s: %d", id, code)
		}
	}
	if code, body := admin.postJSON("/api/v1/imports/dead/commit", ""); code != http.StatusConflict {
		t.Errorf("commit of a failed job: %d %s", code, body)
	}
}
