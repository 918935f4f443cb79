package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// caseworkBundle: district committees H1 (the staff's scope) and H2, each
// with a cell; I1, I2 official members of C1, Q1 probationary (admitted on
// Friday 03/10/2025), O1 an official member of C2, A1 not a member.
func caseworkBundle() bundle.Tables {
	t := bundle.Tables{}
	unit := func(id, name, kind, parent string) {
		t.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "valid_from": "1990-01-01"})
	}
	unit("T", "Đảng bộ tỉnh Thử", "party_provincial", "")
	unit("H1", "Huyện ủy Một", "party_upper", "T")
	unit("C1", "Chi bộ Một", "party_grassroots_cell", "H1")
	unit("C1B", "Chi bộ Một B", "party_grassroots_cell", "H1")
	unit("H2", "Huyện ủy Hai", "party_upper", "T")
	unit("C2", "Chi bộ Hai", "party_grassroots_cell", "H2")
	for _, p := range [][2]string{{"I1", "Nguyễn Văn An"}, {"I2", "Trần Thị Bình"}, {"O1", "Lê Văn Cường"}, {"Q1", "Phạm Thị Dung"}, {"A1", "Hoàng Văn Em"}} {
		t.Add("people", map[string]string{"id": p[0], "full_name": p[1], "birth_date": "1980-01-01"})
	}
	ev := func(p, event, date, unit string) {
		t.Add("party", map[string]string{"person_id": p, "event": event, "date": date, "unit_id": unit})
	}
	for _, p := range []string{"I1", "I2"} {
		ev(p, "admitted", "2000-01-03", "C1")
		ev(p, "recognized", "2001-01-03", "")
	}
	ev("O1", "admitted", "2000-01-03", "C2")
	ev("O1", "recognized", "2001-01-03", "")
	ev("Q1", "admitted", "2025-10-03", "C1")
	return t
}

func TestCaseworkPages(t *testing.T) {
	t.Parallel()
	ts := newApp(t, caseworkBundle())
	staff := signIn(t, ts, "staff")
	body := staff.mustGet("/dang-vien?ngay=2025-11-01")
	for _, want := range []string{`href="/dang-vien/ket-nap?ngay=2025-11-01"`, `href="/dang-vien/den-han?ngay=2025-11-01"`, "Công tác đảng viên"} {
		if !strings.Contains(body, want) {
			t.Errorf("hub: no %q", want)
		}
	}
	if strings.Contains(body, "/dang-vien/khai-tru") {
		t.Error("hub offers expulsion to an account without the permission")
	}
	// Admission: an introducer who is not an official member is refused next to the field.
	form := url.Values{"person_id": {"A1"}, "unit_id": {"C1"}, "date": {"01/12/2025"}, "introducer_1": {"Q1"}}
	code, body := staff.postForm("/dang-vien/ket-nap?ngay=2025-12-01", form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `id="err-introducer_1"`) {
		t.Fatalf("probationary introducer: %d\n%.2000s", code, body)
	}
	// The happy path: written, and shown with Vietnamese labels and dates.
	form.Set("introducer_1", "I1")
	form.Set("introducer_2", "I2")
	form.Set("doc_number", "12-QĐ/HU")
	code, body = staff.postForm("/dang-vien/ket-nap?ngay=2025-12-01", form)
	if code != http.StatusOK || !strings.Contains(body, `id="case-saved"`) || !strings.Contains(body, "01/12/2025") || !strings.Contains(body, "Kết nạp") ||
		!strings.Contains(body, "Nguyễn Văn An (I1); Trần Thị Bình (I2)") || !strings.Contains(body, "Chi bộ Một (C1)") {
		t.Fatalf("admission: %d\n%.3000s", code, body)
	}
	// The ceremony, then the list of work due.
	code, body = staff.postForm("/dang-vien/le-ket-nap?ngay=2025-12-05", url.Values{"person_id": {"A1"}, "ceremony_on": {"05/12/2025"}})
	if code != http.StatusOK || !strings.Contains(body, `id="case-saved"`) {
		t.Fatalf("ceremony: %d\n%.3000s", code, body)
	}
	body = staff.mustGet("/dang-vien/den-han?ngay=2025-11-17&viec=ceremony")
	if !strings.Contains(body, "Phạm Thị Dung") || !strings.Contains(body, "14/11/2025") || !strings.Contains(body, "Quá hạn") ||
		!strings.Contains(body, "/dang-vien/le-ket-nap?") {
		t.Fatalf("due list:\n%.4000s", body)
	}
	body = staff.mustGet("/dang-vien/den-han?ngay=2026-10-05&viec=probation")
	if !strings.Contains(body, "/dang-vien/cong-nhan?") || !strings.Contains(body, "reason=probation_failed") {
		t.Fatalf("probations due: the recognition and the removal\n%.4000s", body)
	}
	code, body = staff.get("/api/v1/casework/due?ngay=2025-11-17&viec=ceremony")
	var api struct {
		Data struct {
			Counts map[string]int
			Items  []struct {
				PersonID string `json:"person_id"`
				Overdue  bool
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &api); code != http.StatusOK || err != nil || len(api.Data.Items) != 1 || !api.Data.Items[0].Overdue {
		t.Fatalf("API: %d %v\n%.2000s", code, err, body)
	}
	// Another district's organization is refused.
	code, _ = staff.get("/dang-vien/den-han?ngay=2025-11-17&pham_vi=H2")
	if code != http.StatusForbidden {
		t.Errorf("due list of H2: %d", code)
	}
	code, body = staff.postForm("/dang-vien/chuyen-sinh-hoat?ngay=2025-12-01", url.Values{"person_id": {"I1"}, "unit_id": {"C2"},
		"date": {"01/12/2025"}, "doc_number": {"GGT-1"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "phạm vi") {
		t.Errorf("transfer into another district: %d\n%.2000s", code, body)
	}
	// A viewer gets no form.
	viewer := signIn(t, ts, "viewer")
	if code, _ := viewer.get("/dang-vien/ket-nap"); code != http.StatusForbidden {
		t.Errorf("viewer's form: %d", code)
	}
}

// Every flow's form opens and refuses an empty submission in Vietnamese.
func TestCaseworkForms(t *testing.T) {
	t.Parallel()
	ts := newApp(t, caseworkBundle())
	c := signIn(t, ts, "canbomat")
	for _, slug := range []string{"ket-nap", "le-ket-nap", "cong-nhan", "xoa-ten", "chuyen-sinh-hoat", "chuyen-di", "tiep-nhan",
		"tam-thoi", "khai-tru", "cap-the", "thu-hoi-the"} {
		body := c.mustGet("/dang-vien/" + slug + "?ngay=2025-12-01&person_id=I1")
		if !strings.Contains(body, `id="case-form"`) || !strings.Contains(body, `value="I1"`) || !strings.Contains(body, "Nguyễn Văn An") {
			t.Errorf("%s: no form filled with the person", slug)
		}
		code, body := c.postForm("/dang-vien/"+slug+"?ngay=2025-12-01", url.Values{})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Cần") {
			t.Errorf("%s: empty form: %d\n%.1500s", slug, code, body)
		}
	}
	// Every flow writes: ceremony, card issue and revoke, temporary, transfer out and in,
	// recognition, transfer, removal, expulsion (admission: TestCaseworkPages).
	steps := []struct {
		slug string
		form url.Values
	}{
		{"le-ket-nap", url.Values{"person_id": {"Q1"}, "ceremony_on": {"10/10/2025"}}},
		{"cap-the", url.Values{"person_id": {"I1"}, "number": {"0123"}, "date": {"03/02/2001"}}},
		{"thu-hoi-the", url.Values{"person_id": {"I1"}, "number": {"0123"}, "date": {"01/12/2025"}}},
		{"tam-thoi", url.Values{"person_id": {"I2"}, "unit_id": {"C1B"}, "date": {"01/06/2025"}, "valid_to": {"01/12/2025"}}},
		{"chuyen-di", url.Values{"person_id": {"Q1"}, "date": {"10/10/2025"}, "doc_number": {"GGT-9"}}},
		{"tiep-nhan", url.Values{"person_id": {"Q1"}, "unit_id": {"C1B"}, "date": {"20/10/2025"}}},
		{"cong-nhan", url.Values{"person_id": {"Q1"}, "doc_number": {"50-QĐ/HU"}}},
		{"chuyen-sinh-hoat", url.Values{"person_id": {"I1"}, "unit_id": {"C1B"}, "date": {"01/11/2025"}, "doc_number": {"GGT-3"}}},
		{"xoa-ten", url.Values{"person_id": {"I2"}, "date": {"02/12/2025"}, "reason": {"inactive"}, "doc_number": {"9-QĐ/HU"}}},
		{"khai-tru", url.Values{"person_id": {"I1"}, "date": {"02/12/2025"}, "doc_number": {"10-QĐ/HU"}, "note": {"vi phạm"}}},
	}
	for _, s := range steps {
		code, body := c.postForm("/dang-vien/"+s.slug+"?ngay=2025-12-01", s.form)
		if code != http.StatusOK || !strings.Contains(body, `id="case-saved"`) {
			t.Errorf("%s: %d\n%.2000s", s.slug, code, body)
		}
	}
}
