package web_test

import (
	"net/http/httptest"
	"strings"
	"testing"
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
