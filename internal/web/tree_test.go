package web_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// inOrder reports whether the texts appear in body in the given order.
func inOrder(body string, texts ...string) bool {
	at := 0
	for _, s := range texts {
		i := strings.Index(body[at:], s)
		if i < 0 {
			return false
		}
		at += i + len(s)
	}
	return true
}

// checkDemoTree: the tree opens on the lines of the board — party first,
// then government, front, localities, enterprises last — for the
// administrator and for staff scoped to a province or a district, whose
// tree shows their party line.
func checkDemoTree(t *testing.T, ts *httptest.Server) {
	lines := []string{"Hệ thống Đảng", "Chính quyền", "Mặt trận Tổ quốc", "Địa bàn hành chính"}
	for _, c := range []struct {
		login, date string
		want        []string
	}{
		{"quantri", "2018-12-31", append(lines, ">Đảng bộ tỉnh Bắc Giang<", ">Đảng bộ huyện Lục Nam<", ">HĐND tỉnh Bắc Giang<",
			">UBND tỉnh Bắc Giang<", ">HĐND huyện Lục Nam<", ">Ủy ban MTTQ Việt Nam tỉnh Bắc Giang<", ">Tỉnh Bắc Giang<",
			"Doanh nghiệp và đơn vị khác", ">Công ty")},
		{"canbo", "2018-12-31", append(lines, ">Đảng bộ tỉnh Bắc Giang<", ">Đảng bộ huyện Lục Nam<", ">HĐND tỉnh Bắc Giang<",
			">UBND tỉnh Bắc Giang<", ">Ủy ban MTTQ Việt Nam tỉnh Bắc Giang<", ">Tỉnh Bắc Giang<", ">Huyện Lục Nam<")},
		{"canbohuyen", "2018-12-31", append(lines, ">Đảng bộ huyện Lục Nam<", ">HĐND huyện Lục Nam<", ">UBND huyện Lục Nam<",
			">Huyện Lục Nam<")},
		{"nguoixem", "2026-06-30", append(lines, ">Đảng bộ tỉnh Bắc Ninh<", ">HĐND tỉnh Bắc Ninh<", ">UBND tỉnh Bắc Ninh<",
			">Tỉnh Bắc Ninh<")},
	} {
		_, body := signIn(t, ts, c.login).get("/to-chuc?ngay=" + c.date)
		tree := body[strings.Index(body, `id="tree"`):]
		want := append(lines[:1:1], c.want[len(lines):]...)
		if !inOrder(tree, lines...) || !inOrder(tree, want...) {
			t.Errorf("%s on %s: the tree is not in protocol order; want %q in order, then the lines %q:\n%.3000s", c.login, c.date, want, lines, tree)
		}
	}
}

// TestTreeOnADate checks the tree of a past date: each unit at the top with
// the units under it then and their own counts, and the expansion in place.
func TestTreeOnADate(t *testing.T) {
	t.Parallel()
	ts := newRichServer(t)
	_, body := ts.get("/to-chuc?ngay=2009-12-31")
	tree := body[strings.Index(body, `id="tree"`):]
	for _, want := range []string{">Tỉnh Thử<", "(2 đơn vị trực thuộc)", ">Huyện Ánh<", ">Huyện Bình<", `data-id="H1"`, "(1)"} {
		if !strings.Contains(tree, want) {
			t.Errorf("tree on 2009-12-31: no %q\n%.2000s", want, tree)
		}
	}
	if strings.Contains(tree, "Thị xã Bình") {
		t.Error("tree on 2009-12-31: a name of 2010")
	}
	_, body = ts.get("/api/v1/units/H2/children?ngay=2009-12-31")
	if !strings.Contains(body, `"id": "X2"`) || !strings.Contains(body, `"children": 0`) {
		t.Errorf("children of H2: %s", body)
	}
	_, body = ts.get("/api/v1/units/T1/children?ngay=2009-12-31")
	if !strings.Contains(body, `"id": "H1"`) || !strings.Contains(body, `"children": 1`) {
		t.Errorf("children of T1: %s", body)
	}
}

// wideBundle: a province whose council has 120 units under it, and 60
// enterprises without a parent (tops of the tree).
func wideBundle() bundle.Tables {
	b := treeBundle()
	b.Add("units", map[string]string{"id": "HD", "name": "HĐND tỉnh Thử", "kind": "people_council", "locality_id": "T1", "valid_from": "2000-01-01"})
	for i := range 120 {
		b.Add("units", map[string]string{"id": fmt.Sprintf("B%03d", i), "name": fmt.Sprintf("Ban %03d", i), "kind": "internal_division",
			"parent_id": "HD", "valid_from": "2000-01-01"})
	}
	for i := range 60 {
		b.Add("units", map[string]string{"id": fmt.Sprintf("E%03d", i), "name": fmt.Sprintf("Công ty %03d", i), "kind": "enterprise",
			"locality_id": "T1", "valid_from": "2000-01-01"})
	}
	return b
}

// TestTreeBounded: the tree shows 50 units of a line and 50 children of a
// unit, with their counts and links to the rest, without JavaScript: a
// line's pages (nhanh, trang) and a unit's own page of the tree (don_vi,
// trang) with its path.
func TestTreeBounded(t *testing.T) {
	t.Parallel()
	ts := signIn(t, newApp(t, wideBundle()), "admin")
	_, body := ts.get("/to-chuc?ngay=2009-12-31")
	tree := body[strings.Index(body, `id="tree"`):]
	if n := strings.Count(tree, ">Công ty "); n != 50 {
		t.Errorf("top page: %d enterprises shown, want 50", n)
	}
	if n := strings.Count(tree, ">Ban "); n != 50 {
		t.Errorf("top page: %d divisions of the council shown, want 50", n)
	}
	for _, want := range []string{"(120 đơn vị trực thuộc)", "Xem tất cả 120 đơn vị trực thuộc", "/to-chuc?don_vi=HD&amp;ngay=2009-12-31",
		"(60 đơn vị ở cấp trên cùng)", "nhanh=", ">Huyện Ánh<"} {
		if !strings.Contains(tree, want) {
			t.Errorf("top page: no %q", want)
		}
	}
	i := strings.Index(tree, `nhanh=`)
	next := strings.ReplaceAll(tree[strings.LastIndex(tree[:i], `"`)+1:i+strings.Index(tree[i:], `"`)], "&amp;", "&")
	_, body = ts.get(next)
	tree = body[strings.Index(body, `id="tree"`):]
	if n := strings.Count(tree, ">Công ty "); n != 10 || !strings.Contains(tree, ">Công ty 059<") || strings.Contains(tree, ">HĐND") {
		t.Errorf("%s: want the last 10 enterprises only:\n%.2000s", next, tree)
	}
	_, body = ts.get("/to-chuc?don_vi=HD&ngay=2009-12-31&trang=3")
	if !strings.Contains(body, `href="/to-chuc?ngay=2009-12-31">Cây tổ chức</a>`) || !strings.Contains(body, ">HĐND tỉnh Thử<") {
		t.Errorf("unit HD: no path or name:\n%.3000s", body)
	}
	tree = body[strings.Index(body, `id="tree"`):]
	if n := strings.Count(tree, ">Ban "); n != 20 || !strings.Contains(tree, ">Ban 100<") || !strings.Contains(tree, "Trang 3/3") {
		t.Errorf("unit HD page 3: want Ban 100 to 119:\n%.3000s", tree)
	}
	_, body = ts.get("/to-chuc?don_vi=H2&ngay=2009-12-31")
	if !strings.Contains(body, `/to-chuc?don_vi=T1&amp;ngay=2009-12-31">Tỉnh Thử</a>`) {
		t.Errorf("unit H2: no path through T1:\n%.3000s", body)
	}
	if code, _ := ts.get("/to-chuc?don_vi=NOPE&ngay=2009-12-31"); code != 404 {
		t.Errorf("unknown unit: %d", code)
	}
	_, body = ts.get("/api/v1/units/HD/children?ngay=2009-12-31&trang=2")
	if !strings.Contains(body, `"id": "B050"`) || strings.Contains(body, `"id": "B049"`) || !strings.Contains(body, `"total": 120`) {
		t.Errorf("children of HD, page 2: %.1000s", body)
	}
}
