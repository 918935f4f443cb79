package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// editCase is a held record of the security fixture and two edits of it by
// two clerks: a field each.
type editCase struct {
	key        string // the edit form's query
	first      [2]string
	second     [2]string
	firstShown string // how the first clerk's value shows on the conflict page
}

var editCases = map[string]editCase{
	"people":           {"id=PA", [2]string{"full_name", "Nguyễn Văn An (sửa)"}, [2]string{"birth_date", "1975-02-02"}, "Nguyễn Văn An (sửa)"},
	"units":            {"id=XA", [2]string{"name", "Xã A (sửa)"}, [2]string{"subtype", "xa"}, "Xã A (sửa)"},
	"documents":        {"id=docA", [2]string{"title", "Nghị quyết A (sửa)"}, [2]string{"number", "9-NQ/DA"}, "Nghị quyết A (sửa)"},
	"qualifications":   {"person_id=PA&kind=education&level=university", [2]string{"obtained_on", "2001-01-01"}, [2]string{"obtained_on", "2002-01-01"}, "2001-01-01"},
	"party":            {"person_id=PA&event=admitted&date=2005-01-01", [2]string{"document_id", "docA"}, [2]string{"unit_id", "CA"}, "docA"},
	"assignments":      {"person_id=PA&unit_id=DA&role=secretary&valid_from=2015-01-01", [2]string{"how", "elected"}, [2]string{"document_id", "docA"}, "elected"},
	"headcount":        {"unit_id=UA&date=2016-01-01", [2]string{"actual", "11"}, [2]string{"quota", "15"}, "11"},
	"restructure":      {"event_id=EA&from_unit_id=RA&to_unit_id=RA", [2]string{"document_id", "docA"}, [2]string{"document_id", "docT"}, "docA"},
	"evaluations":      {"year=2019&subject_type=unit&subject_id=DA&category=party_org", [2]string{"rating", "excellent"}, [2]string{"decided_on", "2020-01-15"}, "excellent"},
	"plans":            {"term=2020-2025&unit_id=DA&role=secretary&person_id=PA", [2]string{"removal_reason", "lý do"}, [2]string{"document_id", "docA"}, "lý do"},
	"discipline":       {"subject_type=person&subject_id=PA&date=2019-06-01&form=reprimand", [2]string{"reason", "lý do A"}, [2]string{"document_id", "docA"}, "lý do A"},
	"terms":            {"term=2020-2025&level=province", [2]string{"ends_on", "2025-10-15"}, [2]string{"document_id", "docT"}, "2025-10-15"},
	"post_quotas":      {"unit_kind=commune&role=vice_chair&valid_from=2016-04-01", [2]string{"max_holders", "3"}, [2]string{"legal_basis", "Nghị định 08/2016/NĐ-CP, Điều 4"}, "3"},
	"party_cards":      {"number=A-0001", [2]string{"revoked_on", "2020-01-01"}, [2]string{"issued_on", "2007-02-01"}, "2020-01-01"},
	"party_temporary":  {"person_id=PA&unit_id=CA&valid_from=2010-01-01", [2]string{"valid_to", "2010-09-01"}, [2]string{"valid_to", "2010-10-01"}, "2010-09-01"},
	"awards":           {"person_id=PA&kind=other&date=2010-01-01", [2]string{"document_id", "docA"}, [2]string{"document_id", "docT"}, "docA"},
	"party_dues":       {"person_id=PA&month=2019-01", [2]string{"amount", "60000"}, [2]string{"paid_on", "2019-01-12"}, "60000"},
	"document_tasks":   {"document_id=docA&task_id=1", [2]string{"done_on", "2019-06-20"}, [2]string{"note", "ghi chú"}, "2019-06-20"},
	"document_files":   {"document_id=docA&name=nq.pdf", [2]string{"bytes", "11"}, [2]string{"sha256", strings.Repeat("c", 64)}, "11"},
	"document_targets": {"document_id=docA&target_id=1", [2]string{"value", "12"}, [2]string{"label", "Tăng đảng viên"}, "12"},
}

// formOf reads an edit form's fields (names and values) as the browser would send them.
func formOf(t *testing.T, body string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range regexp.MustCompile(`<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if m[1] != "che_do" && m[1] != "hieu_luc" {
			v.Set(m[1], htmlUnescape(m[2]))
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<select name="([^"]+)">.*?</select>`).FindAllStringSubmatch(body, -1) {
		sel := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(m[0])
		if sel != nil {
			v.Set(m[1], htmlUnescape(sel[1]))
		} else {
			v.Set(m[1], "")
		}
	}
	v.Set("che_do", "sua_sai")
	return v
}

// sameDate: two spellings of one date (the form shows dd/mm/yyyy, a record holds yyyy-mm-dd).
func sameDate(a, b string) bool {
	da, errA := tochuc.ParseDateLoose(a)
	db, errB := tochuc.ParseDateLoose(b)
	return errA == nil && errB == nil && da != 0 && da == db
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// TestNoLostUpdates opens every kind of record in two sessions; the first
// clerk saves, the second saves from the page they opened before: refused
// with 409, shown what changed, the first clerk's value kept; redone on the
// current state, both edits hold.
func TestNoLostUpdates(t *testing.T) {
	t.Parallel()
	ts, _ := newSecurityApp(t)
	staffA, admin, b := signIn(t, ts, "staff"), signIn(t, ts, "admin"), signIn(t, ts, "staffall")
	for _, f := range bundle.Files {
		a := staffA
		if f.Name == "terms" || f.Name == "post_quotas" {
			a = admin // a term of office belongs to no district
		}
		c, ok := editCases[f.Name]
		if !ok {
			t.Errorf("no edit case for %s: every editable file is tested", f.Name)
			continue
		}
		path := "/sua/" + f.Name + "?" + c.key
		code, formA := a.get(path)
		_, formB := b.get(path)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", path, code)
		}
		va, vb := formOf(t, formA), formOf(t, formB)
		va.Set("v_"+c.first[0], c.first[1])
		code, body := a.postForm("/sua/"+f.Name, va)
		if code == http.StatusUnprocessableEntity && strings.Contains(body, `name="chap_nhan_phat_hien"`) {
			va.Set("chap_nhan_phat_hien", "1") // the clerk saves anyway, having seen the rule checks' warning
			code, body = a.postForm("/sua/"+f.Name, va)
		}
		if code != http.StatusOK {
			t.Fatalf("%s: first edit: %d\n%.1500s", f.Name, code, body[strings.Index(body, "<main"):])
		}
		vb.Set("v_"+c.second[0], c.second[1])
		code, body = b.postForm("/sua/"+f.Name, vb)
		if code != http.StatusConflict || !strings.Contains(body, "đã được người khác sửa") || !strings.Contains(body, c.firstShown) {
			t.Errorf("%s: edit from an older version: %d, want 409 showing what changed\n%.2500s", f.Name, code, body)
			continue
		}
		if _, now := a.get(path); !strings.Contains(now, c.firstShown) {
			t.Errorf("%s: the first edit was lost", f.Name)
		}
		// Redo on the current state: the conflict page carries the new version and keeps the second clerk's values.
		redo := formOf(t, body)
		if got := redo.Get("v_" + c.second[0]); got != c.second[1] && !sameDate(got, c.second[1]) {
			t.Errorf("%s: the conflict page lost the clerk's value", f.Name)
		}
		if c.first[0] != c.second[0] {
			redo.Set("v_"+c.first[0], c.first[1])
		}
		if code, body := b.postForm("/sua/"+f.Name, redo); code != http.StatusOK {
			t.Errorf("%s: redone edit: %d\n%.1500s", f.Name, code, body)
		}
	}
}

// TestConcurrentChangesOfOneUnit sends two "change from a date" edits of one
// unit at once, from the same version: exactly one is recorded, the other is
// refused, and the audit log holds only the one recorded.
func TestConcurrentChangesOfOneUnit(t *testing.T) {
	t.Parallel()
	ts, _ := newSecurityApp(t)
	admin := signIn(t, ts, "admin")
	_, form := admin.get("/sua/units?id=XA&ngay=2026-12-01")
	base := formOf(t, form)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, d := range []string{"2027-01-01", "2027-06-01"} {
		v := url.Values{}
		for k, x := range base {
			v[k] = x
		}
		v.Set("che_do", "thay_doi")
		v.Set("hieu_luc", d)
		v.Set("v_name", "Xã A từ "+d)
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _ = admin.postForm("/sua/units?ngay=2026-12-01", v)
		}()
	}
	wg.Wait()
	if !(codes[0] == http.StatusOK && codes[1] == http.StatusConflict || codes[0] == http.StatusConflict && codes[1] == http.StatusOK) {
		t.Fatalf("two changes from the same version: %v, want one 200 and one 409", codes)
	}
	_, log := admin.get("/api/v1/audit?hanh_dong=units.")
	if n := strings.Count(log, `"action": "units.change"`); n != 1 {
		t.Errorf("audit log: %d unit changes, want the one recorded", n)
	}
	_, page := admin.get("/api/v1/units/XA?ngay=2027-12-31")
	if strings.Contains(page, "Xã A từ 2027-01-01") == strings.Contains(page, "Xã A từ 2027-06-01") {
		t.Errorf("the unit must hold exactly one of the changes:\n%.1000s", page)
	}
}
