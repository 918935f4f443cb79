package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestUnknownPages: a path no page serves, or a method a page does not
// take, answers the Vietnamese error page inside the layout (menu and all),
// never Go's bare English "404 page not found"; the API keeps its JSON.
func TestUnknownPages(t *testing.T) {
	t.Parallel()
	c := newServer(t)
	for _, path := range []string{"/khong-co-trang-nay", "/don-vi/H1/khong-co", "/nhan-su/x/y/z"} {
		code, body := c.get(path)
		if code != 404 || !strings.Contains(body, "Không có trang này") || !strings.Contains(body, "Cơ cấu tổ chức") {
			t.Errorf("%s: %d, want 404 inside the layout:\n%.300s", path, code, body)
		}
		if codes := rawCodes(body); len(codes) > 0 {
			t.Errorf("%s shows %v", path, codes)
		}
	}
	code, body := c.postJSON("/don-vi", "{}")
	if code != 405 || !strings.Contains(body, "không nhận yêu cầu kiểu này") || !strings.Contains(body, "Cơ cấu tổ chức") {
		t.Errorf("POST /don-vi: %d, want 405 inside the layout:\n%.300s", code, body)
	}
	// A cross-site form post (CSRF) is refused in Vietnamese too.
	req, _ := http.NewRequest("POST", c.base+"/sap-xep", strings.NewReader("a=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 403 || !strings.Contains(string(b), "Yêu cầu gửi từ một trang khác bị từ chối") {
		t.Errorf("cross-site post: %d %.300s", resp.StatusCode, b)
	}
	if code, body := c.get("/api/v1/khong-co"); code != 404 || !strings.Contains(body, `"code"`) {
		t.Errorf("unknown API path: %d %s", code, body)
	}
}

// TestEditIssueLabels: a refused edit names the field by its label ("Giới
// tính"), never by the bundle's column ("gender"), and lists the labels a
// clerk may choose.
func TestEditIssueLabels(t *testing.T) {
	t.Parallel()
	c := signIn(t, newApp(t, richBundle()), "admin")
	code, body := c.postForm("/sua/people?ngay=2020-01-01", url.Values{"che_do": {"sua_sai"},
		"v_id": {"P9"}, "v_full_name": {"Lê Văn Chín"}, "v_gender": {"ông"}, "v_birth_date": {"1980-13-40"}})
	if code == http.StatusOK || !strings.Contains(body, "<strong>Giới tính</strong>") || !strings.Contains(body, "Nam; Nữ") ||
		!strings.Contains(body, "<strong>Ngày sinh</strong>") || strings.Contains(body, "<strong>gender</strong>") {
		t.Errorf("refused edit: %d\n%.4000s", code, body)
	}
}
