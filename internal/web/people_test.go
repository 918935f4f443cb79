package web_test

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/textvn"
)

// manyPeople is a bundle of n people named from a few given and family
// names (so that many share a name), and the order the list must give:
// by the collator's order of names, then by id.
func manyPeople(n int) (bundle.Tables, []string) {
	given := []string{"An", "Anh", "Ăn", "Ân", "Bình", "Dũng", "Đạt", "Đức", "Hương", "Yến", "Bảo"}
	family := []string{"Nguyễn Văn", "Trần Thị", "Lê", "Đỗ Minh", "Phạm Văn", "Vũ"}
	b := treeBundle()
	type person struct{ id, name string }
	var ps []person
	for i := range n {
		p := person{fmt.Sprintf("P%05d", i+1), family[i%len(family)] + " " + given[(i/5)%len(given)]}
		ps = append(ps, p)
		b.Add("people", map[string]string{"id": p.id, "full_name": p.name, "gender": "male"})
	}
	col := textvn.NewCollator()
	slices.SortFunc(ps, func(a, b person) int { return cmp.Or(col.ComparePeople(a.name, b.name), cmp.Compare(a.id, b.id)) })
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.id
	}
	return b, ids
}

var (
	personLink = regexp.MustCompile(`<a href="/nhan-su/(P\d+)\?`)
	nextLink   = regexp.MustCompile(`rel="next" href="([^"]+)"`)
	prevLink   = regexp.MustCompile(`rel="prev" href="([^"]+)"`)
)

func hrefOf(re *regexp.Regexp, body string) string {
	m := re.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

func idsOf(body string) []string {
	var out []string
	for _, m := range personLink.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPeoplePaging follows the pages' links: forward, every person once in
// the Vietnamese order; backward, the same pages again.
func TestPeoplePaging(t *testing.T) {
	t.Parallel()
	b, want := manyPeople(173)
	ts := signIn(t, newApp(t, b), "admin")
	path := "/nhan-su?ngay=2021-01-01"
	var got []string
	var pages []string
	for n := 1; path != ""; n++ {
		_, body := ts.get(path)
		if !strings.Contains(body, fmt.Sprintf("Trang %d/4", n)) || !strings.Contains(body, "173 người") {
			t.Fatalf("page %d (%s): no 'Trang %d/4' or total", n, path, n)
		}
		pages = append(pages, strings.Join(idsOf(body), " "))
		got = append(got, idsOf(body)...)
		path = hrefOf(nextLink, body)
		if n > 1 && !strings.Contains(path+body, "sau=") && path != "" {
			t.Errorf("page %d: the next page is not found by the last key", n)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("walked %d people, want %d in order\n got %v\nwant %v", len(got), len(want), got, want)
	}
	// Back from the last page.
	_, body := ts.get("/nhan-su?ngay=2021-01-01&trang=4")
	for n := 4; n >= 1; n-- {
		if ids := strings.Join(idsOf(body), " "); ids != pages[n-1] {
			t.Fatalf("page %d backward: %s, want %s", n, ids, pages[n-1])
		}
		if n > 1 {
			_, body = ts.get(hrefOf(prevLink, body))
		}
	}
	if hrefOf(prevLink, body) != "" || !strings.Contains(body, "Trang 1/4") {
		t.Error("the first page reached backward has a page before it")
	}
	if code, _ := ts.get("/nhan-su?ngay=2021-01-01&sau=abc"); code != 400 {
		t.Errorf("a bad cursor: %d", code)
	}
	if code, body := ts.get("/nhan-su?q=" + strings.Repeat("a", 201)); code != 400 || !strings.Contains(body, "quá dài") {
		t.Errorf("a search too long: %d", code)
	}
}

// TestPeopleLongList checks a list longer than counts go: "Hơn 10.000",
// pages counted as "hơn 200", a page number too far to open directly, and
// the download of the whole list, searched.
func TestPeopleLongList(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 10,020 people")
	}
	t.Parallel()
	b, want := manyPeople(10020)
	ts := signIn(t, newApp(t, b), "admin")
	_, body := ts.get("/nhan-su?ngay=2021-01-01")
	if !strings.Contains(body, "Hơn 10.000 người") || !strings.Contains(body, "Trang 1/hơn 200") {
		t.Errorf("a capped count: %s", body[strings.Index(body, `id="total"`):][:200])
	}
	if ids := idsOf(body); !slices.Equal(ids, want[:50]) {
		t.Errorf("first page: %v", ids)
	}
	_, body = ts.get("/nhan-su?ngay=2021-01-01&trang=200")
	if ids := idsOf(body); !slices.Equal(ids, want[199*50:200*50]) {
		t.Errorf("page 200 by its number: %v", ids)
	}
	if ids := idsOf(body); len(ids) > 0 {
		_, next := ts.get(hrefOf(nextLink, body))
		if ids := idsOf(next); !slices.Equal(ids, want[200*50:]) || !strings.Contains(next, "Trang 201") {
			t.Errorf("page 201 after page 200: %v", ids)
		}
	}
	_, body = ts.get("/nhan-su?ngay=2021-01-01&trang=202")
	if len(idsOf(body)) != 0 || !strings.Contains(body, "Chỉ mở thẳng được đến trang 200") {
		t.Error("a page too far to open by its number")
	}
	_, body = ts.get("/api/v1/people?ngay=2021-01-01")
	if !strings.Contains(body, `"total": 10000`) || !strings.Contains(body, `"more": true`) {
		t.Errorf("API total: %s", body[:300])
	}
	code, x := ts.get("/nhan-su?ngay=2021-01-01&dang=xlsx&q=an")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x)))
	if code != 200 || err != nil {
		t.Fatalf("download: %d %v", code, err)
	}
	rows, err := f.GetRows("Nhân sự")
	if err != nil {
		t.Fatal(err)
	}
	var an []string // the people named An, Ăn or Ân (diacritics ignored), in order
	for _, id := range want {
		i, _ := strconv.Atoi(id[1:])
		if g := (i - 1) / 5 % 11; g == 0 || g == 2 || g == 3 {
			an = append(an, id)
		}
	}
	if len(rows) != len(an)+1 || rows[1][0] != an[0] || rows[len(rows)-1][0] != an[len(an)-1] {
		t.Errorf("download: %d rows, want %d", len(rows), len(an)+1)
	}
}

// TestPeopleKeptUntilChange checks that the counts and pages kept for the
// registry's version are not served once a change set writes: a person
// added is found by the same search, counted and listed, at once.
func TestPeopleKeptUntilChange(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	path := "/nhan-su?ngay=2021-01-01&q=mai"
	for range 2 {
		if _, body := admin.get(path); len(idsOf(body)) != 0 || !strings.Contains(body, "0 người") {
			t.Fatalf("before: %v", idsOf(body))
		}
	}
	code, _ := admin.postForm("/sua/people?ngay=2020-01-01", url.Values{"che_do": {"sua_sai"},
		"v_id": {"P7"}, "v_full_name": {"Hoàng Thị Mai"}, "v_gender": {"female"}})
	if code != http.StatusOK {
		t.Fatalf("add a person: %d", code)
	}
	if _, body := admin.get(path); !slices.Equal(idsOf(body), []string{"P7"}) || !strings.Contains(body, "1 người") {
		t.Fatalf("after: %v", idsOf(body))
	}
}
