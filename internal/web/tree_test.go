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
