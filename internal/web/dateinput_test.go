package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatesAsPeopleWriteThem: every date field of a page is text in
// dd/mm/yyyy (never an <input type="date">, which follows the browser's
// locale), and what a clerk types that way is saved as that date; a date
// that does not exist is refused by its field's label, the typed value kept.
func TestDatesAsPeopleWriteThem(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	for _, path := range []string{"/?ngay=2020-01-01", "/so-sanh?ngay=2020-01-01", "/sap-xep?ngay=2020-01-01",
		"/sua/people?id=P1&ngay=2020-01-01", "/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01"} {
		code, body := staff.get(path)
		if code != http.StatusOK || strings.Contains(body, `type="date"`) || !strings.Contains(body, `placeholder="dd/mm/yyyy"`) {
			t.Errorf("%s: %d, a date field that is not dd/mm/yyyy text", path, code)
		}
	}
	_, form := staff.get("/sua/people?id=P1&ngay=2020-01-01")
	if !strings.Contains(form, `name="v_birth_date" value="04/03/1970"`) || !strings.Contains(form, `name="ngay" value="01/01/2020"`) {
		t.Fatalf("the person's form shows dates as:\n%.3000s", form)
	}
	v := formOf(t, form)
	v.Set("v_birth_date", "5/3/1970")
	if code, body := staff.postForm("/sua/people?ngay=2020-01-01", v); code != http.StatusOK {
		t.Fatalf("save 5/3/1970: %d\n%.1500s", code, body)
	}
	if _, page := staff.get("/nhan-su/P1?ngay=2020-01-01"); !strings.Contains(page, "05/03/1970") {
		t.Fatalf("the person page after the save:\n%.2000s", page)
	}
	v = formOf(t, staff.mustGet("/sua/people?id=P1&ngay=2020-01-01"))
	v.Set("v_birth_date", "31/02/1970")
	code, body := staff.postForm("/sua/people?ngay=2020-01-01", v)
	if code < 400 || !strings.Contains(body, "<strong>Ngày sinh</strong>") || !strings.Contains(body, "ngày không hợp lệ &#39;31/02/1970&#39;") ||
		!strings.Contains(body, `value="31/02/1970"`) {
		t.Fatalf("31/02/1970: %d\n%.2000s", code, body)
	}
	if code, body := staff.get("/to-chuc?ngay=01/07/2025"); code != http.StatusOK || !strings.Contains(body, `id="shown-date">01/07/2025<`) {
		t.Fatalf("a page asked for 01/07/2025: %d", code)
	}
}

// mustGet fetches a page that must answer 200.
func (c *client) mustGet(path string) string {
	c.t.Helper()
	code, body := c.get(path)
	if code != http.StatusOK {
		c.t.Fatalf("%s: %d\n%.1500s", path, code, body)
	}
	return body
}

// TestNoLocaleDates: no template asks for a date with <input type="date">
// (shown in the browser's locale): every date field is dateInput's.
func TestNoLocaleDates(t *testing.T) {
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `type="date"`) {
			t.Errorf("%s asks for a date in the browser's locale (type=\"date\"): use dateInput", f)
		}
	}
}
