package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// TestAuditKeysetPages: the audit log's next pages start after the last
// entry shown (keyset, sau=), visit every filtered entry once in order, keep
// the page number and the total, and the earlier pages link back by number.
func TestAuditKeysetPages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := sqldbtest.Open(t)
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, tochuc.User{Login: "auditor", FullName: "Kiểm tra", Role: tochuc.RoleAuditor}, hash); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC)
	for i := range 130 {
		action := tochuc.AuditLogout
		if i%10 == 0 {
			action = tochuc.AuditLoginFailed // 13 of them, outside the filter
		}
		// pairs of entries at the same moment: the key breaks the tie by id
		if err := db.AppendAudit(ctx, tochuc.AuditEntry{At: t0.Add(time.Duration(i/2) * time.Minute), UserLogin: fmt.Sprint("u", i),
			Action: action}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}), App: app.New(db, nil), Accounts: db,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	c := signIn(t, ts, "auditor")
	var seen []string
	next, pages := "/api/v1/audit?hanh_dong=logout&tu=05/01/2026&den=05/01/2026", 0
	for next != "" {
		if pages++; pages > 5 {
			t.Fatal("pages without end")
		}
		code, body := c.get(next)
		var p struct {
			Data struct {
				Items []struct {
					UserLogin string `json:"user_login"`
				} `json:"items"`
				Total int    `json:"total"`
				Page  int    `json:"page"`
				Next  string `json:"next"`
				Prev  string `json:"prev"`
			} `json:"data"`
		}
		if err := json.Unmarshal([]byte(body), &p); code != 200 || err != nil {
			t.Fatalf("%s: %d %v", next, code, err)
		}
		if p.Data.Total != 117 || p.Data.Page != pages {
			t.Errorf("%s: total %d page %d, want 117, %d", next, p.Data.Total, p.Data.Page, pages)
		}
		if pages > 1 && (!strings.Contains(next, "sau=") || strings.Contains(p.Data.Prev, "sau=") || p.Data.Prev == "") {
			t.Errorf("page %d at %s: prev %q", pages, next, p.Data.Prev)
		}
		for _, it := range p.Data.Items {
			seen = append(seen, it.UserLogin)
		}
		next = strings.Replace(p.Data.Next, "/nhat-ky", "/api/v1/audit", 1)
	}
	var want []string
	for i := 129; i >= 0; i-- {
		if i%10 != 0 {
			want = append(want, fmt.Sprint("u", i))
		}
	}
	// newest first; within a moment, the later id first
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("entries over the pages:\n%v\nwant\n%v", seen, want)
	}
}
