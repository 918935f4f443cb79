package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/restructure"
)

// TestDraftPages saves the wizard's merger of two commune party committees
// as a draft (nothing applied), opens it: the two secretaries against a
// quota of one with their ages, the figures before and after side by side;
// a stale save is refused; the staff of one district do not see it; adopted
// with its decision, it cannot be adopted again.
func TestDraftPages(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("units", map[string]string{"id": "D2", "name": "Đảng bộ xã Hai", "kind": "party_grassroots_committee", "locality_id": "X2", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P5", "full_name": "Lê Văn Cường", "gender": "male", "birth_date": "1965-05-05"})
	b.Add("assignments", map[string]string{"person_id": "P5", "unit_id": "D2", "role": "secretary", "valid_from": "2015-01-01"})
	b.Add("documents", map[string]string{"id": "QD1", "number": "15-QĐ/TU", "kind": "decision", "issued_on": "2019-12-01", "title": "Về việc hợp nhất"})
	b.Add("post_quotas", map[string]string{"unit_kind": "party_grassroots_committee", "role": "secretary", "max_holders": "1",
		"valid_from": "2016-01-01", "legal_basis": "Điều lệ Đảng (minh họa)"})
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	form := url.Values{"kind": {"merge"}, "date": {"2020-01-01"}, "from": {"D1, D2"}, "new_id": {"D9"},
		"new_name": {"Đảng bộ xã Hợp Nhất"}, "new_parent": {""}, "new_locality": {"X1"}, "ten_nhap": {"Hợp nhất hai đảng bộ xã"}, "luu_nhap": {"1"}}
	resp, err := admin.http.PostForm(admin.base+"/sap-xep?ngay=2020-01-01", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Request.URL.Path
	if !regexp.MustCompile(`^/sap-xep/nhap/\d+$`).MatchString(loc) {
		t.Fatalf("save: landed on %s (%d)", resp.Request.URL, resp.StatusCode)
	}
	if code, _ := admin.get("/don-vi/D9?ngay=2020-01-01"); code != http.StatusNotFound {
		t.Fatalf("the draft wrote the new unit: %d", code)
	}
	code, body := admin.get(loc + "?ngay=2020-01-01")
	if code != http.StatusOK {
		t.Fatalf("draft page: %d\n%.3000s", code, body)
	}
	for _, want := range []string{`id="quotas"`, `class="over"`, "Lê Văn Cường", "Trần Văn Bình", "Điều lệ Đảng (minh họa)",
		`id="figures"`, `class="changed-row"`, "Bản nháp</td>", "Hợp nhất hai đảng bộ xã", "Đảng bộ xã Một (D1)"} {
		if !strings.Contains(body, want) {
			t.Errorf("draft page lacks %s", want)
		}
	}
	// P5 is 54 on 01/01/2020; P1 (04/03/1970) 49
	if !regexp.MustCompile(`Lê Văn Cường</a></td>\s*<td class="num">54</td>`).MatchString(body) {
		t.Errorf("P5's age not shown")
	}
	code, body = admin.get("/api/v1/restructure-drafts" + strings.TrimPrefix(loc, "/sap-xep/nhap") + "?ngay=2020-01-01")
	if code != http.StatusOK || !regexp.MustCompile(`"surplus":\s*1`).MatchString(body) || !strings.Contains(body, `"months_to_retirement"`) {
		t.Errorf("draft API: %d %.1500s", code, body)
	}
	if code, body := admin.get("/sap-xep/nhap?ngay=2020-01-01"); code != http.StatusOK || !strings.Contains(body, "Hợp nhất hai đảng bộ xã") {
		t.Errorf("drafts list: %d", code)
	}
	// A second draft (a rename), compared with the first side by side.
	second := url.Values{"kind": {"rename"}, "date": {"2020-01-01"}, "from": {"D1"}, "new_name": {"Đảng bộ xã Một Mới"},
		"ten_nhap": {"Đổi tên đảng bộ xã Một"}, "luu_nhap": {"1"}}
	resp, err = admin.http.PostForm(admin.base+"/sap-xep?ngay=2020-01-01", second)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	other := strings.TrimPrefix(resp.Request.URL.Path, "/sap-xep/nhap/")
	code, body = admin.get("/sap-xep/nhap/so-sanh?a=" + strings.TrimPrefix(loc, "/sap-xep/nhap/") + "&b=" + other)
	if code != http.StatusOK || !strings.Contains(body, `id="compare-figures"`) || !strings.Contains(body, "Đổi tên đảng bộ xã Một") ||
		!strings.Contains(body, "Hợp nhất hai đảng bộ xã") {
		t.Errorf("compare: %d %.2000s", code, body)
	}
	// Staff of H1 do not see a draft touching D2 (of H2).
	if code, body := signIn(t, ts, "staff").get("/sap-xep/nhap?ngay=2020-01-01"); code != http.StatusOK || strings.Contains(body, "Hợp nhất hai đảng bộ xã") {
		t.Errorf("staff's drafts list: %d", code)
	}
	if code, _ := signIn(t, ts, "staff").get(loc); code != http.StatusNotFound {
		t.Errorf("staff's draft page: %d", code)
	}
	// A save of version 1 after the draft moved to version 2 is refused.
	id := strings.TrimPrefix(loc, "/sap-xep/nhap/")
	form.Set("nhap", id)
	form.Set("phien_ban_nhap", "1")
	if code, _ := admin.postForm("/sap-xep?ngay=2020-01-01", form); code != http.StatusOK {
		t.Fatalf("second save: %d", code)
	}
	if code, body := admin.postForm("/sap-xep?ngay=2020-01-01", form); code != http.StatusConflict || !strings.Contains(body, "phiên bản 2") {
		t.Errorf("stale save: %d %.2000s", code, body)
	}
	// Adopt without a document: refused; with it: applied.
	if code, _ := admin.postForm(loc, url.Values{"phien_ban": {"2"}, "thong_qua": {"1"}}); code != http.StatusUnprocessableEntity {
		t.Errorf("adopt without a document: %d", code)
	}
	if code, body := admin.postForm(loc, url.Values{"phien_ban": {"2"}, "thong_qua": {"1"}, "document": {"QD1"}}); code != http.StatusOK || !strings.Contains(body, "So sánh") {
		t.Errorf("adopt: %d %.1000s", code, body)
	}
	if code, _ := admin.get("/don-vi/D9?ngay=2020-01-01"); code != http.StatusOK {
		t.Errorf("D9 after adoption: %d", code)
	}
	if code, body := admin.postForm(loc, url.Values{"phien_ban": {"3"}, "thong_qua": {"1"}, "document": {"QD1"}}); code != http.StatusConflict || !strings.Contains(body, "đã được thông qua") {
		t.Errorf("second adoption: %d %.1500s", code, body)
	}
}

// TestDraftWizardKeepsOtherOperations reopens a draft of two operations in
// the wizard: it says it edits the first, and saving keeps the second.
func TestDraftWizardKeepsOtherOperations(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("units", map[string]string{"id": "D2", "name": "Đảng bộ xã Hai", "kind": "party_grassroots_committee", "locality_id": "X2", "valid_from": "2000-01-01"})
	ts, db := serveBundle(t, b, testUsers)
	a := app.New(db, nil)
	d, err := a.SaveDraft(context.Background(), app.CLI("t"), app.DraftInput{Name: "Hai thao tác", Ops: []restructure.Input{
		{Kind: "rename", Date: "2020-01-01", From: []string{"D1"}, NewName: []string{"Đảng bộ Một Mới"}},
		{Kind: "rename", Date: "2020-01-01", From: []string{"D2"}, NewName: []string{"Đảng bộ Hai Mới"}}}})
	if err != nil {
		t.Fatal(err)
	}
	admin := signIn(t, ts, "admin")
	id := strconv.FormatInt(d.ID, 10)
	code, body := admin.get("/sap-xep?nhap=" + id)
	if code != http.StatusOK || !strings.Contains(body, `id="draft-ops-note"`) || !strings.Contains(body, "Đảng bộ Một Mới") {
		t.Fatalf("wizard on the draft: %d %.2000s", code, body)
	}
	form := url.Values{"kind": {"rename"}, "date": {"2020-01-01"}, "from": {"D1"}, "new_name": {"Đảng bộ Một Sửa"},
		"nhap": {id}, "phien_ban_nhap": {"1"}, "ten_nhap": {"Hai thao tác"}, "luu_nhap": {"1"}}
	if code, body := admin.postForm("/sap-xep", form); code != http.StatusOK {
		t.Fatalf("save: %d %.1000s", code, body)
	}
	got, err := a.Draft(context.Background(), app.CLI("t"), d.ID)
	if err != nil || len(got.Inputs) != 2 || got.Inputs[0].NewName[0] != "Đảng bộ Một Sửa" || got.Inputs[1].NewName[0] != "Đảng bộ Hai Mới" {
		t.Fatalf("after the save: %v %+v", err, got)
	}
}
