package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestPick finds people, units and documents as one types, diacritics
// ignored, the last word as the start of one, in the user's scope only,
// with what tells them apart.
func TestPick(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	code, body := admin.get("/api/v1/pick?ngay=2018-01-01&q=tran+van+b")
	if code != http.StatusOK || !strings.Contains(body, `"id": "P1"`) || !strings.Contains(body, "sinh 04/03/1970") ||
		!strings.Contains(body, "Bí thư, Đảng bộ xã Một") {
		t.Errorf("a person by the start of the given name, with birth and post: %d\n%s", code, body)
	}
	_, body = admin.get("/api/v1/pick?ngay=2018-01-01&q=nguyen+thi+anh")
	if !strings.Contains(body, `"P2"`) {
		t.Errorf("admin must find P2:\n%s", body)
	}
	_, body = staff.get("/api/v1/pick?ngay=2018-01-01&q=nguyen+thi+anh")
	if strings.Contains(body, `"P2"`) {
		t.Errorf("staff (district H1) must not find P2 of H2:\n%s", body)
	}
	_, body = staff.get("/api/v1/pick?ngay=2018-01-01&doi_tuong=don_vi&q=xa")
	if !strings.Contains(body, `"X1"`) || strings.Contains(body, `"X2"`) {
		t.Errorf("staff finds the units of the scope only:\n%s", body)
	}
	_, body = admin.get("/api/v1/pick?ngay=2018-01-01&doi_tuong=don_vi&q=Xã+một")
	x, d := strings.Index(body, `"X1"`), strings.Index(body, `"D1"`)
	if x < 0 || d < 0 || x > d || !strings.Contains(body, "thuộc") {
		t.Errorf("the unit named exactly first, then the others, with the unit above:\n%s", body)
	}
	_, body = admin.get("/chon?ngay=2018-01-01&doi_tuong=don_vi&q=xa+hai")
	if !strings.Contains(body, "<code>X2</code>") || !strings.Contains(body, "Xã Hai") {
		t.Errorf("without JavaScript the page lists names and codes:\n%.3000s", body)
	}
	if code, _ := admin.get("/api/v1/pick?doi_tuong=khac&q=a"); code != http.StatusBadRequest {
		t.Errorf("an unknown kind: %d, want 400", code)
	}
}

// TestEditorPickersAndCancel: the codes of other records are pickers with
// the name beside the code, and every editor has a way back.
func TestEditorPickersAndCancel(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	_, form := admin.get("/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01")
	for _, want := range []string{`name="v_person_id" type="text" data-pick="nguoi"`, `data-pick="don_vi"`,
		`Trần Văn Bình <small class="code">P1</small>`, `Đảng bộ xã Một <small class="code">D1</small>`,
		`<a class="cancel" href="/nhan-su/P1?ngay=2018-01-01">Hủy</a>`, `src="/static/picker.js"`} {
		if !strings.Contains(form, want) {
			t.Errorf("edit form lacks %s", want)
		}
	}
	if code, _ := admin.get("/static/picker.js"); code != http.StatusOK {
		t.Errorf("picker.js: %d", code)
	}
}

// TestSaveConfirmsAndWarns: a second secretary is warned of before saving,
// "Vẫn ghi" saves it, and the page returned to confirms the save, on the
// date the new post shows.
func TestSaveConfirmsAndWarns(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	form := url.Values{"che_do": {"sua_sai"}, "v_person_id": {"P3"}, "v_unit_id": {"D1"}, "v_role": {"secretary"},
		"v_valid_from": {"2016-01-01"}, "v_valid_to": {"2019-01-01"}, "v_how": {"elected"}}
	code, body := admin.postForm("/sua/assignments?ngay=2015-06-01", form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "đã có Bí thư là Trần Văn Bình") ||
		!strings.Contains(body, `name="chap_nhan_phat_hien"`) {
		t.Fatalf("a second secretary must be warned of: %d\n%.3000s", code, body)
	}
	if _, p := admin.get("/nhan-su/P3?ngay=2016-06-01"); strings.Contains(p, "Bí thư") {
		t.Fatal("a warned edit was saved")
	}
	form.Set("chap_nhan_phat_hien", "1")
	code, body = admin.postForm("/sua/assignments?ngay=2015-06-01", form)
	if code != http.StatusOK || !strings.Contains(body, `id="saved"`) || !strings.Contains(body, "Đã ghi chức vụ") ||
		!strings.Contains(body, `id="shown-date">01/01/2016<`) || !strings.Contains(body, "Bí thư") {
		t.Fatalf("after the save: the person's page on the post's first day, confirming it: %d\n%.4000s", code, body)
	}
	code, body = admin.postForm("/sua/people?ngay=2015-06-01", url.Values{"che_do": {"sua_sai"}, "v_id": {"P7"},
		"v_full_name": {"Lê Văn Mới"}, "v_gender": {"male"}, "v_birth_date": {"2090-01-01"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Ngày sinh 01/01/2090 ở sau hôm nay") {
		t.Errorf("a birth date in the future must be warned of: %d\n%.3000s", code, body)
	}
}

// TestDashboardScopeByName: the dashboard's scope typed as a name is no
// error: one unit of that name opens its report, several are offered.
func TestDashboardScopeByName(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	code, body := admin.get("/?ngay=2018-01-01&pham_vi=ubnd")
	if code != http.StatusOK || !strings.Contains(body, `id="scope">UBND xã Hai<`) {
		t.Errorf("one unit of the name: its report: %d\n%.3000s", code, body)
	}
	code, body = staff.get("/?ngay=2018-01-01&pham_vi=X%C3%A3")
	if code != http.StatusOK || !strings.Contains(body, `id="choices"`) || !strings.Contains(body, "pham_vi=X1") ||
		!strings.Contains(body, "pham_vi=D1") || strings.Contains(body, "X2") {
		t.Errorf("several units: a list to choose from, in the scope: %d\n%.3000s", code, body)
	}
	code, body = admin.get("/?ngay=2018-01-01&pham_vi=khong+co+dau")
	if code != http.StatusOK || !strings.Contains(body, "Không có đơn vị nào tên") {
		t.Errorf("no unit of the name: said so: %d\n%.3000s", code, body)
	}
}

// TestPeopleListFinds: the exact name first, the post and membership beside
// each name, and the filters by unit subtree, party membership and age.
func TestPeopleListFinds(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("people", map[string]string{"id": "P5", "full_name": "Trần Văn Bình Minh", "gender": "male", "birth_date": "1995-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P5", "unit_id": "X1", "role": "civil_servant", "valid_from": "2016-01-01"})
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	_, body := admin.get("/nhan-su?ngay=2018-01-01&q=tran+van+binh")
	exact, all := strings.Index(body, `id="exact"`), strings.Index(body, `id="people"`)
	if exact < 0 || all < exact || !strings.Contains(body[exact:all], "Trần Văn Bình</a>") || strings.Contains(body[exact:all], "Bình Minh") {
		t.Errorf("the exact name first, alone:\n%.4000s", body)
	}
	if !strings.Contains(body[all:], "Bí thư, <a") || !strings.Contains(body[all:], "Đảng bộ xã Một</a>") || !strings.Contains(body[all:], "Chính thức") {
		t.Errorf("post, unit and membership beside the name:\n%.4000s", body[all:])
	}
	for q, want := range map[string][]string{
		"dang_vien=member":           {"Trần Văn Bình<"},
		"dang_vien=none":             {"Bình Minh", "Nguyễn Thị Ánh", "Đỗ Văn Đạt"},
		"tuoi=duoi-30":               {"Bình Minh"},
		"tuoi=40-49":                 {"Trần Văn Bình<"},
		"don_vi=X1":                  {"Trần Văn Bình<", "Bình Minh"},
		"don_vi=H2&gioi_tinh=female": {"Nguyễn Thị Ánh"},
	} {
		_, body := admin.get("/nhan-su?ngay=2018-01-01&" + q)
		i := strings.Index(body, `id="people"`)
		if i < 0 {
			t.Fatalf("%s: no list\n%.2000s", q, body)
		}
		list := body[i:]
		n := strings.Count(list, `<tr><td><a href="/nhan-su/`)
		if n != len(want) {
			t.Errorf("%s: %d people, want %v\n%s", q, n, want, list)
		}
		for _, w := range want {
			if !strings.Contains(list, w) {
				t.Errorf("%s: %s missing", q, w)
			}
		}
	}
	staff := signIn(t, ts, "staff")
	if code, _ := staff.get("/nhan-su?ngay=2018-01-01&don_vi=H2"); code != http.StatusForbidden {
		t.Errorf("a unit outside the scope: %d, want 403", code)
	}
}

// TestUnitsListSubtree: the units list shows the unit above each and
// filters the units under one (every level), inside the scope.
func TestUnitsListSubtree(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	_, body := admin.get("/don-vi?ngay=2018-01-01&don_vi=H2")
	if !strings.Contains(body, ">Xã Hai</a>") || !strings.Contains(body, ">UBND xã Hai</a>") || strings.Contains(body, ">Xã Một</a>") {
		t.Errorf("the units under H2 only:\n%.4000s", body)
	}
	if !strings.Contains(body, `<td><a href="/don-vi/H2?ngay=2018-01-01">`) {
		t.Errorf("the unit above in its column:\n%.4000s", body)
	}
	if code, _ := staff.get("/don-vi?ngay=2018-01-01&don_vi=H2"); code != http.StatusForbidden {
		t.Errorf("a unit outside the scope: %d, want 403", code)
	}
	// Typed without the picker: a name that picks one unit, or the units to choose from.
	if _, body := admin.get("/don-vi?ngay=2018-01-01&don_vi=ubnd"); !strings.Contains(body, "trực thuộc UBND xã Hai") {
		t.Errorf("a unit by its name:\n%.3000s", body)
	}
	if code, body := staff.get("/nhan-su?ngay=2018-01-01&don_vi=x%C3%A3"); code != http.StatusBadRequest ||
		!strings.Contains(body, "Xã Một (X1)") || strings.Contains(body, "X2") {
		t.Errorf("a name of several units: %d\n%.3000s", code, body)
	}
}

// TestPeopleSortByBirth: the header "Ngày sinh" orders the list by birth
// date, the unknown last, and its pages follow that order.
func TestPeopleSortByBirth(t *testing.T) {
	t.Parallel()
	b := richBundle()
	for i, y := range []string{"1980", "1960", "1990"} {
		b.Add("people", map[string]string{"id": "Q" + strconv.Itoa(i), "full_name": "Lê Văn " + y, "birth_date": y + "-05-05"})
	}
	ts := newApp(t, b)
	admin := signIn(t, ts, "admin")
	_, body := admin.get("/nhan-su?ngay=2018-01-01")
	if !strings.Contains(body, `href="/nhan-su?ngay=2018-01-01&amp;sap_xep=ngay_sinh">Ngày sinh</a>`) {
		t.Fatalf("no sortable header:\n%.3000s", body)
	}
	_, body = admin.get("/nhan-su?ngay=2018-01-01&sap_xep=ngay_sinh")
	order := []string{"Lê Văn 1960", "Trần Văn Bình", "Lê Văn 1980", "Lê Văn 1990", "Nguyễn Thị Ánh"}
	last := -1
	for _, n := range order {
		i := strings.Index(body, n)
		if i < last {
			t.Fatalf("by birth date %v:\n%s", order, body)
		}
		last = i
	}
	_, api := admin.get("/api/v1/people?ngay=2018-01-01&sap_xep=ngay_sinh")
	if !strings.Contains(api, `"items"`) {
		t.Fatalf("API: %s", api)
	}
}

// TestNoWarningForTheRecordEdited: correcting who holds a secretary post
// is no second secretary.
func TestNoWarningForTheRecordEdited(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	v := admin.version("/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01")
	code, body := admin.postForm("/sua/assignments?ngay=2018-01-01", url.Values{"che_do": {"sua_sai"}, "phien_ban": {v},
		"goc_person_id": {"P1"}, "goc_unit_id": {"D1"}, "goc_role": {"secretary"}, "goc_valid_from": {"2015-01-01"},
		"v_person_id": {"P3"}, "v_unit_id": {"D1"}, "v_role": {"secretary"}, "v_valid_from": {"2015-01-01"}, "v_valid_to": {"2019-01-01"}, "v_how": {"elected"}})
	if strings.Contains(body, `id="warnings"`) {
		t.Errorf("the record edited counted as another holder: %d\n%.3000s", code, body)
	}
}
