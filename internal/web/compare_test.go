package web_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// compareJSON is the part of /api/v1/compare the tests read.
type compareJSON struct {
	Data struct {
		Counts struct {
			Created int `json:"created"`
			Filled  int `json:"posts_filled"`
		} `json:"counts"`
		Sections []struct {
			Section string `json:"section"`
			Total   int    `json:"total"`
			Page    int    `json:"page"`
			Pages   int    `json:"pages"`
			Units   []struct {
				ID string `json:"id"`
			} `json:"units"`
			Posts []struct {
				PersonID string `json:"person_id"`
			} `json:"posts"`
		} `json:"sections"`
		People map[string]string `json:"person_names"`
	} `json:"data"`
}

// TestComparePaging checks that the compare view shows every count and the
// first page of each section, pages through one section with ?phan=&trang=,
// and answers a page past the end with no rows and the total.
func TestComparePaging(t *testing.T) {
	t.Parallel()
	b := treeBundle()
	for i := 1; i <= 120; i++ {
		b.Add("units", map[string]string{"id": fmt.Sprintf("C%03d", i), "name": fmt.Sprintf("Xã Số %03d", i), "kind": "commune",
			"parent_id": "T1", "valid_from": "2015-01-01"})
	}
	for i := 1; i <= 1050; i++ {
		id := fmt.Sprintf("P%04d", i)
		b.Add("people", map[string]string{"id": id, "full_name": fmt.Sprintf("Người Số %04d", i)})
		b.Add("assignments", map[string]string{"person_id": id, "unit_id": "T1", "role": "staff", "valid_from": "2016-01-01"})
	}
	ts := signIn(t, newApp(t, b), "admin")
	const span = "/so-sanh?ngay=2020-01-01&tu=2010-01-01&den=2020-01-01"

	_, body := ts.get(span)
	for _, want := range []string{`data-k="created">120<`, `data-k="posts_filled">1.050<`, "Xã Số 050", "Người Số 0050",
		`phan=thanh-lap&amp;trang=2&amp;tu=2010-01-01`, "Trang 1/3", "Trang 1/21"} {
		if !strings.Contains(body, want) {
			t.Errorf("first pages: no %q", want)
		}
	}
	if strings.Contains(body, "Xã Số 051") || strings.Contains(body, "Người Số 0051") {
		t.Error("first pages: more than 50 rows of a section")
	}

	_, body = ts.get(span + "&phan=thanh-lap&trang=3")
	if !strings.Contains(body, "Xã Số 101") || !strings.Contains(body, "Xã Số 120") || strings.Contains(body, "Xã Số 100") ||
		!strings.Contains(body, "Trang 3/3") || !strings.Contains(body, `data-k="posts_filled">1.050<`) || strings.Contains(body, "Người Số") {
		t.Errorf("page 3 of the units created: want units 101–120 only, with every count:\n%.3000s", body)
	}
	_, body = ts.get(span + "&phan=thanh-lap&trang=4")
	if !strings.Contains(body, "Trang 4/3") || strings.Contains(body, "Xã Số") || !strings.Contains(body, `data-k="created">120<`) {
		t.Errorf("a page past the end: want no rows, the count kept:\n%.3000s", body)
	}

	var got compareJSON
	for _, c := range []struct {
		query           string
		page, rows      int
		section, person string
	}{
		{"&phan=thanh-lap&trang=3", 3, 20, "created", ""},
		{"&phan=thanh-lap&trang=9", 9, 0, "created", ""},
		{"&phan=bo-tri&trang=21", 21, 0, "posts_filled", "P1001"},
	} {
		_, body = ts.get("/api/v1/compare?ngay=2020-01-01&tu=2010-01-01&den=2020-01-01" + c.query)
		got = compareJSON{}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		d := got.Data
		if d.Counts.Created != 120 || d.Counts.Filled != 1050 || len(d.Sections) != 1 || d.Sections[0].Section != c.section ||
			d.Sections[0].Page != c.page {
			t.Errorf("%s: counts %+v, sections %+v", c.query, d.Counts, d.Sections)
			continue
		}
		s := d.Sections[0]
		if c.section == "created" && (len(s.Units) != c.rows || s.Total != 120 || s.Pages != 3) {
			t.Errorf("%s: %d rows of %d in %d pages, want %d of 120 in 3", c.query, len(s.Units), s.Total, s.Pages, c.rows)
		}
		if c.section == "posts_filled" && (len(s.Posts) != 50 || s.Posts[0].PersonID != c.person || d.People[c.person] != "Người Số 1001") {
			t.Errorf("%s: want 50 posts from %s with the names of the page: %+v %v", c.query, c.person, s.Posts[:1], d.People)
		}
	}
	if code, _ := ts.get(span + "&phan=khong-co"); code != 400 {
		t.Errorf("an unknown section: %d, want 400", code)
	}
}

// TestCompareCarriedScope checks that staff whose scope unit has ended see
// the changes in what carries their scope on (X1, moved under the province
// when its district H1 ended), and still nothing outside it.
func TestCompareCarriedScope(t *testing.T) {
	t.Parallel()
	b := treeBundle()
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01", "valid_to": "2025-07-01"})
	b.Add("units", map[string]string{"id": "X1", "name": "Xã Một", "kind": "commune", "parent_id": "T1", "valid_from": "2025-07-01"})
	b.Add("units", map[string]string{"id": "X2", "name": "Xã Hai", "kind": "commune", "parent_id": "T1", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "P1", "full_name": "Trần Văn Bình"})
	b.Add("people", map[string]string{"id": "P2", "full_name": "Nguyễn Thị Ánh"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "X1", "role": "chair", "valid_from": "2025-10-01"})
	b.Add("assignments", map[string]string{"person_id": "P2", "unit_id": "X2", "role": "chair", "valid_from": "2025-10-01"})
	ts := newApp(t, b)
	const span = "/so-sanh?ngay=2026-01-01&tu=2025-06-30&den=2026-01-01"
	_, body := signIn(t, ts, "staff").get(span)
	if !strings.Contains(body, "Trần Văn Bình") || strings.Contains(body, "Nguyễn Thị Ánh") || !strings.Contains(body, `data-k="posts_filled">1<`) {
		t.Errorf("staff of H1 after it ended: want the post filled in X1 only:\n%.3000s", body)
	}
	_, body = signIn(t, ts, "admin").get(span)
	if !strings.Contains(body, `data-k="posts_filled">2<`) {
		t.Errorf("administrator: want both posts filled:\n%.3000s", body)
	}
}

// TestCompareFollowsEdits checks that the compare view, cached, shows an
// edit at once (its pages are kept only until the next change set), and
// gives the same page again from the cache.
func TestCompareFollowsEdits(t *testing.T) {
	t.Parallel()
	admin := signIn(t, newApp(t, richBundle()), "admin")
	const span = "/api/v1/compare?ngay=2020-01-01&tu=2010-01-01&den=2020-01-01"
	filled := func() (int, string) {
		_, body := admin.get(span)
		var v compareJSON
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		return v.Data.Counts.Filled, body
	}
	n, first := filled()
	if n2, again := filled(); n2 != n || again != first {
		t.Fatalf("the same page twice differs:\n%s\n%s", first, again)
	}
	if code, out := admin.postJSON("/api/v1/records/assignments",
		`{"values":{"person_id":"P2","unit_id":"D1","role":"deputy_secretary","valid_from":"2016-01-01","how":"elected"}}`); code != 200 {
		t.Fatalf("add post: %d %s", code, out)
	}
	if after, _ := filled(); after != n+1 {
		t.Fatalf("after the edit: %d posts filled, want %d", after, n+1)
	}
}
