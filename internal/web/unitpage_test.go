package web_test

import (
	"strings"
	"testing"
)

// TestUnitPageReadsLikeABoard: a unit's page opens with the way up to the
// top (links), and lists its posts in protocol order (the secretary before
// a deputy, though the deputy's id, role code and start come first).
func TestUnitPageReadsLikeABoard(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("people", map[string]string{"id": "P0", "full_name": "Lê Văn Cường"})
	b.Add("assignments", map[string]string{"person_id": "P0", "unit_id": "D1", "role": "deputy_secretary", "valid_from": "2010-01-01"})
	admin := signIn(t, newApp(t, b), "admin")
	page := admin.mustGet("/don-vi/X1?ngay=2018-01-01")
	i := strings.Index(page, `<nav class="crumbs"`)
	if i < 0 || !strings.Contains(page[i:], `href="/don-vi/H1?ngay=2018-01-01"`) || !strings.Contains(page[i:], `aria-current="page">Xã Một<`) {
		t.Fatalf("no way up on the commune's page:\n%.2500s", page)
	}
	page = admin.mustGet("/don-vi/D1?ngay=2018-01-01")
	head, deputy := strings.Index(page, "<td>Bí thư</td>"), strings.Index(page, "<td>Phó Bí thư</td>")
	if head < 0 || deputy < 0 || head > deputy {
		t.Fatalf("posts not in protocol order (secretary at %d, deputy at %d)", head, deputy)
	}
}
