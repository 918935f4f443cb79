package web_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestConfidentialRecords reads a cadre's plans, ratings, discipline and
// citizen id on every path as accounts with and without the permission: a
// viewer and a staff member without it see none of them (page, API, edit
// form, export, findings, audit log) and may write none; the administrator
// and a staff member with it see them, and each read leaves a trace in the
// audit log with who and what.
func TestConfidentialRecords(t *testing.T) {
	t.Parallel()
	ts, db := newSecurityApp(t)
	admin := signIn(t, ts, "admin")
	// A rating and a citizen id for An (PA), who is also in a plan and disciplined (the fixture).
	for _, b := range []string{
		`{"mode":"sua_sai","values":{"year":"2024","subject_type":"person","subject_id":"PA","category":"party_member","rating":"good","rated_by_id":"DA"}}`,
	} {
		if code, out := admin.postJSON("/api/v1/records/evaluations", b); code != 200 {
			t.Fatalf("rating: %d %s", code, out)
		}
	}
	v := versionOf(t, admin, "people", map[string]string{"id": "PA"})
	body := `{"mode":"sua_sai","original":{"id":"PA"},"version":"` + v + `","values":{"id":"PA","full_name":"Nguyễn Văn An","gender":"male","birth_date":"1975-01-01","citizen_id":"001075012345"}}`
	if code, out := admin.postJSON("/api/v1/records/people", body); code != 200 {
		t.Fatalf("citizen id: %d %s", code, out)
	}
	secret := []string{"001075012345", "Hoàn thành tốt nhiệm vụ", "Quy hoạch", `"plans":[{`, `"evaluations":[{`, `"discipline":[{`}

	for _, login := range []string{"viewer", "staffopen", "auditor"} {
		c := signIn(t, ts, login)
		for _, path := range []string{"/nhan-su/PA?ngay=2026-01-01", "/api/v1/people/PA?ngay=2026-01-01"} {
			code, out := c.get(path)
			if code != 200 {
				t.Fatalf("%s %s: %d", login, path, code)
			}
			for _, s := range secret {
				if strings.Contains(out, s) {
					t.Errorf("%s %s shows %q", login, path, s)
				}
			}
		}
		// PLAN-01: An is planned for the post he holds (the fixture) — a finding about a plan.
		if code, out := c.get("/api/v1/checks?ngay=2022-01-01"); code != 200 || strings.Contains(out, "PLAN-01") {
			t.Errorf("%s: the findings show a plan: %d %.300s", login, code, out)
		}
		for _, path := range []string{"/api/v1/records/plans?term=2020-2025&unit_id=DA&role=secretary&person_id=PA",
			"/api/v1/records/evaluations?year=2024&subject_type=person&subject_id=PA&category=party_member",
			"/api/v1/records/discipline?subject_type=person&subject_id=PA&date=2019-06-01&form=reprimand"} {
			if code, out := c.get(path); code != 403 || strings.Contains(out, "DA") && strings.Contains(out, "secretary") {
				t.Errorf("%s %s: %d, want 403\n%.300s", login, path, code, out)
			}
		}
		if login == "staffopen" {
			files := exportZip(t, c)
			for _, f := range []string{"plans", "evaluations", "discipline"} {
				if len(files[f]) > 0 {
					t.Errorf("staff without the permission exported %d %s", len(files[f]), f)
				}
			}
			for _, row := range files["people"] {
				if row["citizen_id"] != "" {
					t.Errorf("staff without the permission exported a citizen id: %v", row)
				}
			}
			// No confidential write, and a person's edit keeps the citizen id held.
			code, out := c.postJSON("/api/v1/records/plans", `{"mode":"sua_sai","values":{"term":"2025-2030","unit_id":"DA","role":"chair","person_id":"PA","added_on":"2025-11-01"}}`)
			if code != 403 || !strings.Contains(out, "hồ sơ mật") {
				t.Errorf("plan written without the permission: %d %s", code, out)
			}
			v := versionOf(t, admin, "people", map[string]string{"id": "PA"})
			body := `{"mode":"sua_sai","original":{"id":"PA"},"version":"` + v + `","values":{"id":"PA","full_name":"Nguyễn Văn An","gender":"male","birth_date":"1975-01-03"}}`
			if code, out := c.postJSON("/api/v1/records/people", body); code != 200 {
				t.Fatalf("edit of a person without the permission: %d %s", code, out)
			}
			if _, out := admin.get("/api/v1/records/people?id=PA"); !strings.Contains(out, "001075012345") {
				t.Errorf("an edit without the permission lost the citizen id: %s", out)
			}
			v = versionOf(t, admin, "people", map[string]string{"id": "PA"})
			body = `{"mode":"sua_sai","original":{"id":"PA"},"version":"` + v + `","values":{"id":"PA","full_name":"Nguyễn Văn An","gender":"male","birth_date":"1975-01-03","citizen_id":"001075099999"}}`
			if code, _ := c.postJSON("/api/v1/records/people", body); code != 403 {
				t.Errorf("a citizen id changed without the permission: %d", code)
			}
		}
	}
	// An auditor without the permission reads that a plan changed, not the plan.
	if code, out := signIn(t, ts, "auditorall").get("/api/v1/audit?hanh_dong=evaluations."); code != 200 ||
		strings.Contains(out, "party_member") || !strings.Contains(out, "evaluations") {
		t.Errorf("the audit log shows a rating to an auditor without the permission: %d %.400s", code, out)
	}

	// With the permission: shown, and every read logged.
	before := confidentialReads(t, db)
	for _, login := range []string{"admin", "staff"} {
		c := signIn(t, ts, login)
		code, out := c.get("/nhan-su/PA?ngay=2026-01-01")
		if code != 200 || !strings.Contains(out, "Hoàn thành tốt nhiệm vụ") || !strings.Contains(out, "001075012345") {
			t.Errorf("%s: the person page does not show the confidential records: %d", login, code)
		}
	}
	after := confidentialReads(t, db)
	seen := map[string]bool{}
	for _, e := range after[len(before):] {
		seen[e.UserLogin+" "+e.ObjectType] = true
		if via, _ := e.Detail["via"].(string); via != "/nhan-su/PA" {
			t.Errorf("a read logged through %q, want the page's path", via)
		}
	}
	for _, want := range []string{"admin evaluations", "admin plans", "admin discipline", "admin people", "staff evaluations", "staff plans"} {
		if !seen[want] {
			t.Errorf("no confidential.read entry for %s; entries: %v", want, seen)
		}
	}
	// Findings about plans: shown with the permission, their read logged.
	if code, out := admin.get("/api/v1/checks?ngay=2022-01-01&quy_dinh=PLAN-01"); code != 200 || !strings.Contains(out, "PLAN-01") {
		t.Errorf("admin: no PLAN-01 finding: %d %.300s", code, out)
	}
	if es := confidentialReads(t, db); len(es) == 0 || es[len(es)-1].ObjectType != "checks" {
		t.Errorf("the read of findings about plans is not logged")
	}
	// The export of an account with the permission is logged per file.
	exportZip(t, signIn(t, ts, "staff"))
	seen = map[string]bool{}
	for _, e := range confidentialReads(t, db) {
		if e.Detail["via"] == "export" {
			seen[e.ObjectType] = true
		}
	}
	if !seen["plans"] || !seen["evaluations"] {
		t.Errorf("the export's confidential reads are not logged: %v", seen)
	}
	// The audit page names the reads in words.
	if code, out := admin.get("/nhat-ky?hanh_dong=" + url.QueryEscape(tochuc.AuditConfidentialRead)); code != 200 || !strings.Contains(out, "Xem hồ sơ mật") {
		t.Errorf("the audit page does not show the reads: %d", code)
	}
}

// confidentialReads returns the confidential.read entries of the log, oldest first.
func confidentialReads(t *testing.T, db *sqldb.DB) []tochuc.AuditEntry {
	t.Helper()
	es, _, err := db.ListAudit(context.Background(), tochuc.AuditFilter{Action: tochuc.AuditConfidentialRead, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(es)
	return es
}
