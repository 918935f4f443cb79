package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// TestScopeAfterRestructuring: district H ended on 2025-07-01 and its
// commune X1 was merged into the new commune Z, directly under the province.
// The clerk of H opens the app today on Z: the dashboard names H's last day
// and Z with Z's figures, the tree, the lists and Z's pages are theirs, and
// they edit Z's records; the province stays outside.
func TestScopeAfterRestructuring(t *testing.T) {
	t.Parallel()
	b := bundle.Tables{}
	u := func(m map[string]string) { b.Add("units", m) }
	u(map[string]string{"id": "T", "name": "Tỉnh Thử", "kind": "province", "valid_from": "2000-01-01"})
	u(map[string]string{"id": "H", "name": "Huyện Cũ", "kind": "district", "parent_id": "T", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	u(map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	u(map[string]string{"id": "Z", "name": "Xã Hợp Nhất", "kind": "commune", "parent_id": "T", "valid_from": "2025-07-01"})
	u(map[string]string{"id": "DZ", "name": "Đảng bộ xã Hợp Nhất", "kind": "party_upper", "locality_id": "Z", "valid_from": "2025-07-01"})
	b.Add("restructure", map[string]string{"event_id": "NQ", "date": "2025-07-01", "kind": "merge", "from_unit_id": "X1", "to_unit_id": "Z"})
	b.Add("restructure", map[string]string{"event_id": "NQ-H", "date": "2025-07-01", "kind": "dissolve", "from_unit_id": "H"})
	b.Add("people", map[string]string{"id": "P", "full_name": "Hoàng Văn Phúc"})
	b.Add("party", map[string]string{"person_id": "P", "event": "admitted", "date": "2025-08-01", "unit_id": "DZ"})
	b.Add("assignments", map[string]string{"person_id": "P", "unit_id": "DZ", "role": "secretary", "valid_from": "2025-07-01"})
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, b)
	hash, _ := auth.HashPassword(testPassword)
	if _, err := db.CreateUser(context.Background(), tochuc.User{Login: "clerk", FullName: "Cán bộ huyện cũ",
		Role: tochuc.RoleStaff, ScopeUnitID: "H"}, hash); err != nil {
		t.Fatal(err)
	}
	ts := serveWithUsers(t, db)
	clerk := signIn(t, ts, "clerk")
	_, home := clerk.get("/?ngay=2026-12-02")
	if !strings.Contains(home, "Huyện Cũ không còn từ ngày 01/07/2025") || !strings.Contains(home, "Xã Hợp Nhất") {
		t.Errorf("home page today:\n%.3000s", home)
	}
	_, js := clerk.get("/api/v1/report?ngay=2026-12-02")
	if !strings.Contains(js, `"successors"`) || !strings.Contains(js, `"id": "party.members"`) {
		t.Errorf("report: %.1500s", js)
	}
	if i := strings.Index(js, `"id": "party.members"`); i < 0 || !strings.Contains(js[i:min(i+200, len(js))], `"value": 1`) {
		t.Errorf("the successor's member is counted: %.300s", js[i:])
	}
	for path, want := range map[string]string{
		"/to-chuc?ngay=2026-12-02":   "Xã Hợp Nhất",
		"/nhan-su?ngay=2026-12-02":   "Hoàng Văn Phúc",
		"/don-vi?ngay=2026-12-02":    "Đảng bộ xã Hợp Nhất",
		"/don-vi/Z?ngay=2026-12-02":  "Xã Hợp Nhất",
		"/nhan-su/P?ngay=2026-12-02": "Bí thư",
	} {
		if code, body := clerk.get(path); code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want %q\n%.1500s", path, code, want, body)
		}
	}
	if code, _ := clerk.get("/don-vi/T?ngay=2026-12-02"); code != http.StatusForbidden {
		t.Errorf("the province: %d, want 403", code)
	}
	if code, out := clerk.postJSON("/api/v1/records/assignments",
		`{"values":{"person_id":"P","unit_id":"DZ","role":"committee_member","valid_from":"2026-01-01"}}`); code != http.StatusOK {
		t.Errorf("a post in the successor: %d %s", code, out)
	}
}

// serveWithUsers serves a database that already holds its records and accounts.
func serveWithUsers(t *testing.T, db *sqldb.DB) *httptest.Server {
	t.Helper()
	s, err := web.New(web.Config{App: app.New(db, nil), Registry: db.Reader(sqldb.Recorded{}),
		Accounts: db, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}
