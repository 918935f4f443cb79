package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAccountsConfidential: the administrator sees every account with its
// permission to read confidential records, gives it to a staff account and
// takes it back through the account page; each change is in the audit log
// (detail "Quyền xem hồ sơ mật"); other roles get 403 in Vietnamese and no
// menu link (both engines).
func TestAccountsConfidential(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("plans", map[string]string{"term": "2020-2025", "unit_id": "D1", "role": "deputy_secretary", "person_id": "P1",
		"added_on": "2018-10-15"})
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	staff := signIn(t, ts, "staff") // signed in before the change: it applies from the next request
	plan := func(want bool) {
		t.Helper()
		code, body := staff.get("/nhan-su/P1?ngay=2020-01-01")
		if code != http.StatusOK || strings.Contains(body, "<h2>Quy hoạch</h2>") != want {
			t.Errorf("staff reads the plan: %v, want %v (%d)", !want, want, code)
		}
	}
	plan(false)
	row := func(body, login string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)<tr><td><a href="/tai-khoan/` + login + `">.*?</tr>`).FindString(body)
		if m == "" {
			t.Fatalf("no row of %s:\n%.3000s", login, body)
		}
		return m
	}
	code, body := admin.get("/tai-khoan")
	if code != http.StatusOK || !strings.Contains(body, "Hồ sơ mật") || !strings.Contains(body, `href="/tai-khoan?`) {
		t.Fatalf("accounts page: %d\n%.3000s", code, body)
	}
	if r := row(body, "admin"); !strings.Contains(r, "Được xem") {
		t.Errorf("the administrator may always read confidential records: %s", r)
	}
	if r := row(body, "staff"); !strings.Contains(r, "<td>Không</td>") || !strings.Contains(r, "Cán bộ Ban Tổ chức") {
		t.Errorf("staff row before: %s", r)
	}
	code, body = admin.get("/tai-khoan/staff")
	if code != http.StatusOK || !strings.Contains(body, "Được xem hồ sơ mật (quy hoạch, đánh giá, kỷ luật, số căn cước)") ||
		strings.Contains(body, `name="ho_so_mat" value="1" checked`) {
		t.Fatalf("account page: %d\n%.3000s", code, body)
	}

	// Given: the list says so, the form is checked.
	code, body = admin.postForm("/tai-khoan/staff", url.Values{"ho_so_mat": {"1"}})
	if code != http.StatusOK || !strings.Contains(body, "Đã cho tài khoản staff được xem hồ sơ mật.") ||
		!strings.Contains(row(body, "staff"), "Được xem") {
		t.Fatalf("give: %d\n%.3000s", code, body)
	}
	if _, body = admin.get("/tai-khoan/staff"); !strings.Contains(body, `name="ho_so_mat" value="1" checked`) {
		t.Errorf("the form does not show the permission given:\n%.3000s", body)
	}
	plan(true)
	// Taken: an unchecked box sends nothing.
	code, body = admin.postForm("/tai-khoan/staff", url.Values{})
	if code != http.StatusOK || !strings.Contains(body, "Tài khoản staff không còn được xem hồ sơ mật.") ||
		!strings.Contains(row(body, "staff"), "<td>Không</td>") {
		t.Fatalf("take: %d\n%.3000s", code, body)
	}
	plan(false)
	// Both changes in the audit log, newest first.
	_, audit := admin.get("/api/v1/audit?hanh_dong=user.update")
	if !strings.Contains(audit, `"confidential": false`) || !strings.Contains(audit, `"confidential": true`) ||
		strings.Index(audit, `"confidential": false`) > strings.Index(audit, `"confidential": true`) {
		t.Errorf("audit entries:\n%.3000s", audit)
	}
	_, page := admin.get("/nhat-ky?hanh_dong=user.update")
	if !strings.Contains(page, "Quyền xem hồ sơ mật") || strings.Contains(page, "confidential") {
		t.Errorf("audit page:\n%.3000s", page)
	}
	if code, body := admin.postForm("/tai-khoan/khong-co", url.Values{"ho_so_mat": {"1"}}); code != http.StatusNotFound ||
		!strings.Contains(body, "không có tài khoản") {
		t.Errorf("unknown account: %d\n%.2000s", code, body)
	}
	if _, body := admin.get("/"); !strings.Contains(body, `>Tài khoản</a>`) {
		t.Error("no menu link to the accounts for the administrator")
	}

	// Other roles: refused, in Vietnamese; no link.
	for _, login := range []string{"staff", "viewer", "auditor"} {
		c := signIn(t, ts, login)
		for _, path := range []string{"/tai-khoan", "/tai-khoan/staff"} {
			if code, body := c.get(path); code != http.StatusForbidden || !strings.Contains(body, "Chỉ quản trị viên") {
				t.Errorf("%s GET %s: %d\n%.1000s", login, path, code, body)
			}
		}
		if code, _ := c.postForm("/tai-khoan/"+login, url.Values{"ho_so_mat": {"1"}}); code != http.StatusForbidden {
			t.Errorf("%s gives itself the permission: %d", login, code)
		}
		if _, body := c.get("/"); strings.Contains(body, `>Tài khoản</a>`) {
			t.Errorf("%s sees the link to the accounts", login)
		}
	}
	if _, body := admin.get("/tai-khoan"); !strings.Contains(row(body, "viewer"), "<td>Không</td>") ||
		!strings.Contains(row(body, "auditor"), "<td>Không</td>") {
		t.Error("a refused request changed an account")
	}
}
