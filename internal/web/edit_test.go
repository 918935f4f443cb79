package web_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func (c *client) postForm(path string, v url.Values) (int, string) {
	c.t.Helper()
	resp, err := c.http.PostForm(c.base+path, v)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// version opens a record's edit form and returns the version it shows.
func (c *client) version(path string) string {
	c.t.Helper()
	code, body := c.get(path)
	m := regexp.MustCompile(`name="phien_ban" value="([^"]*)"`).FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		c.t.Fatalf("edit form %s: %d, no version\n%.2000s", path, code, body)
	}
	return m[1]
}

// TestEditChangeAndCorrection edits a post from a date, then corrects a
// mistake, and finds both in the person's history and in the audit log.
func TestEditChangeAndCorrection(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	_, form := staff.get("/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01")
	if !strings.Contains(form, `name="che_do" value="thay_doi"`) || !strings.Contains(form, `value="2015-01-01"`) {
		t.Fatalf("edit form:\n%.2000s", form)
	}
	// A change: from 2019-01-01 P1 is deputy secretary.
	v := staff.version("/sua/assignments?person_id=P1&unit_id=D1&role=secretary&valid_from=2015-01-01&ngay=2018-01-01")
	code, _ := staff.postForm("/sua/assignments?ngay=2019-06-01", url.Values{
		"che_do": {"thay_doi"}, "hieu_luc": {"2019-01-01"}, "phien_ban": {v},
		"goc_person_id": {"P1"}, "goc_unit_id": {"D1"}, "goc_role": {"secretary"}, "goc_valid_from": {"2015-01-01"},
		"v_person_id": {"P1"}, "v_unit_id": {"D1"}, "v_role": {"deputy_secretary"}, "v_valid_from": {"2015-01-01"}, "v_how": {"elected"},
	})
	if code != http.StatusOK {
		t.Fatalf("change: %d", code)
	}
	_, before := staff.get("/nhan-su/P1?ngay=2018-12-31")
	_, after := staff.get("/nhan-su/P1?ngay=2019-01-01")
	if !strings.Contains(before, `class="current"><td>01/01/2015</td><td>01/01/2019</td><td>Bí thư`) ||
		!strings.Contains(after, `class="current"><td>01/01/2019</td><td>nay</td><td>Phó Bí thư`) {
		t.Fatalf("the post must be secretary until 2019 and deputy from then:\n%s", after)
	}
	// A correction: the deputy post began on 2019-02-01, not 2019-01-01 (a mistake).
	v = staff.version("/sua/assignments?person_id=P1&unit_id=D1&role=deputy_secretary&valid_from=2019-01-01")
	code, _ = staff.postForm("/sua/assignments?ngay=2019-06-01", url.Values{
		"che_do": {"sua_sai"}, "phien_ban": {v},
		"goc_person_id": {"P1"}, "goc_unit_id": {"D1"}, "goc_role": {"deputy_secretary"}, "goc_valid_from": {"2019-01-01"},
		"v_person_id": {"P1"}, "v_unit_id": {"D1"}, "v_role": {"deputy_secretary"}, "v_valid_from": {"2019-02-01"}, "v_how": {"elected"},
	})
	if code != http.StatusOK {
		t.Fatalf("correction: %d", code)
	}
	_, body := staff.get("/api/v1/people/P1?ngay=2019-06-01")
	if strings.Contains(body, `"valid_from": "2019-01-01"`) || !strings.Contains(body, `"valid_from": "2019-02-01"`) {
		t.Fatalf("after the correction the post starts on 2019-02-01 only:\n%s", body)
	}
	_, log := signIn(t, ts, "auditor").get("/api/v1/audit?hanh_dong=assignments.")
	if !strings.Contains(log, `"assignments.change"`) || !strings.Contains(log, `"assignments.correct"`) ||
		!strings.Contains(log, `"user_login": "staff"`) || !strings.Contains(log, `"before"`) {
		t.Fatalf("audit log:\n%s", log)
	}
}

// TestEditRefused checks that a bad edit shows the import's errors and keeps nothing.
func TestEditRefused(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	code, body := admin.postForm("/sua/assignments?ngay=2019-06-01", url.Values{
		"che_do": {"sua_sai"}, "v_person_id": {"P1"}, "v_unit_id": {"D1"}, "v_role": {"chair"}, "v_valid_from": {"1990-01-01"},
	})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "không tồn tại vào ngày 01/01/1990") {
		t.Fatalf("a post before the unit existed: %d\n%.3000s", code, body)
	}
	if _, b := admin.get("/api/v1/people/P1?ngay=2019-06-01"); strings.Contains(b, `"chair"`) {
		t.Fatal("a refused edit was kept")
	}
	if code, _ := signIn(t, ts, "viewer").get("/sua/people?id=P1"); code != http.StatusForbidden {
		t.Fatalf("viewer's edit form: %d", code)
	}
}

// TestEditUnitNewVersion renames a unit from a date: two versions, the old name kept before.
func TestEditUnitNewVersion(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	code, _ := admin.postForm("/sua/units?ngay=2020-01-01", url.Values{"phien_ban": {admin.version("/sua/units?id=X1")},
		"che_do": {"thay_doi"}, "hieu_luc": {"2020-01-01"}, "goc_id": {"X1"}, "goc_valid_from": {"2000-01-01"},
		"v_id": {"X1"}, "v_name": {"Phường Một"}, "v_kind": {"commune"}, "v_parent_id": {"H1"}, "v_valid_from": {"2000-01-01"},
	})
	if code != http.StatusOK {
		t.Fatalf("rename: %d", code)
	}
	_, old := admin.get("/don-vi/X1?ngay=2019-12-31")
	_, now := admin.get("/don-vi/X1?ngay=2020-01-01")
	if !strings.Contains(old, "<h1>Xã Một</h1>") || !strings.Contains(now, "<h1>Phường Một</h1>") {
		t.Fatal("the unit's name must change on 2020-01-01 and stay before")
	}
}

// TestAddPersonAndUnit adds a unit and a person through the blank forms.
func TestAddPersonAndUnit(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	if _, body := staff.get("/don-vi?ngay=2020-01-01"); !strings.Contains(body, "Thêm đơn vị") {
		t.Fatal("no link to add a unit")
	}
	code, _ := staff.postForm("/sua/units?ngay=2020-01-01", url.Values{"che_do": {"sua_sai"},
		"v_id": {"X7"}, "v_name": {"Xã Bảy"}, "v_kind": {"commune"}, "v_parent_id": {"H1"}, "v_valid_from": {"2020-01-01"}})
	if code != http.StatusOK {
		t.Fatalf("add a unit inside the scope: %d", code)
	}
	code, _ = staff.postForm("/sua/units?ngay=2020-01-01", url.Values{"che_do": {"sua_sai"},
		"v_id": {"X8"}, "v_name": {"Xã Tám"}, "v_kind": {"commune"}, "v_parent_id": {"H2"}, "v_valid_from": {"2020-01-01"}})
	if code != http.StatusForbidden {
		t.Fatalf("add a unit outside the scope: %d", code)
	}
	code, _ = staff.postForm("/sua/people?ngay=2020-01-01", url.Values{"che_do": {"sua_sai"},
		"v_id": {"P7"}, "v_full_name": {"Hoàng Thị Mai"}, "v_gender": {"female"}})
	if code != http.StatusOK {
		t.Fatalf("add a person: %d", code)
	}
	if _, body := signIn(t, ts, "admin").get("/api/v1/people/P7"); !strings.Contains(body, "Hoàng Thị Mai") {
		t.Fatal("the person added is not there")
	}
}
