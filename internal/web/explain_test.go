package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestExplainExplains: the records behind an indicator with a back link to
// the dashboard of the same dates and scope, the mark "counted" only for a
// share, and with a comparison date the records that entered and left.
func TestExplainExplains(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("party", map[string]string{"person_id": "P2", "event": "admitted", "date": "2019-05-01", "unit_id": "D1"})
	b.Add("party", map[string]string{"person_id": "P2", "event": "recognized", "date": "2020-05-01"})
	b.Add("people", map[string]string{"id": "P5", "full_name": "Lê Văn Cường", "gender": "male"})
	b.Add("party", map[string]string{"person_id": "P5", "event": "admitted", "date": "2008-01-01", "unit_id": "D1"})
	b.Add("party", map[string]string{"person_id": "P5", "event": "removed", "date": "2019-03-01"})
	c := signIn(t, newApp(t, b), "admin")
	_, body := c.get("/chi-tieu/party.members?ngay=2020-06-30&tu=2018-12-31")
	if !strings.Contains(body, `<a id="back" href="/?ngay=2020-06-30&amp;tu=2018-12-31">`) {
		t.Error("no back link to the dashboard of the same dates")
	}
	if strings.Contains(body, "Được tính") || strings.Contains(body, `class="current"`) {
		t.Error("party.members is not a share: no counted mark")
	}
	changes := between(body, `<section id="thay-doi">`, `</section>`)
	if !strings.Contains(changes, `<span id="entered">1</span> bản ghi mới được tính (vào), <span id="left">1</span>`) {
		t.Errorf("changes:\n%s", changes)
	}
	in, out := strings.Index(changes, "Nguyễn Thị Ánh"), strings.Index(changes, "Lê Văn Cường")
	if in < 0 || out < in || strings.Contains(changes, "Trần Văn Bình") {
		t.Errorf("changes: want Nguyễn Thị Ánh in, then Lê Văn Cường out, not Trần Văn Bình:\n%s", changes)
	}
	_, share := c.get("/chi-tieu/concurrency.commune.secretary_council_chair?ngay=2020-06-30")
	if !strings.Contains(share, ">Được tính vào số liệu</a></th>") || strings.Contains(share, `id="thay-doi"`) {
		t.Error("a share lists its counted mark; without a comparison date no changes")
	}
	// sorted by name (given name first), by default by code
	_, byCode := c.get("/chi-tieu/party.members?ngay=2020-06-30")
	_, byName := c.get("/chi-tieu/party.members?ngay=2020-06-30&xep_theo=ten")
	if strings.Index(byCode, "Trần Văn Bình") > strings.Index(byCode, "Nguyễn Thị Ánh") ||
		strings.Index(byName, "Trần Văn Bình") < strings.Index(byName, "Nguyễn Thị Ánh") || !strings.Contains(byName, `aria-sort="ascending"><a href="/chi-tieu/party.members?ngay=2020-06-30&amp;xep_theo=ten"`) {
		t.Error("party.members: want P1 Bình before P2 Ánh by code, Ánh before Bình by name")
	}
	if code, _ := c.get("/chi-tieu/concurrency.commune.secretary_council_chair?ngay=2020-06-30&xep_theo=ten"); code != 400 {
		t.Errorf("units sorted by name: %d, want 400", code)
	}
	_, js := c.get("/api/v1/report/party.members?ngay=2020-06-30&tu=2018-12-31")
	var api struct {
		Data struct {
			Changes struct {
				Since         string
				Entered, Left int
				Items         []struct {
					ID      string
					Entered bool
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(js), &api); err != nil {
		t.Fatal(err)
	}
	if ch := api.Data.Changes; ch.Since != "2018-12-31" || ch.Entered != 1 || ch.Left != 1 || len(ch.Items) != 2 || ch.Items[0].ID != "P2" || !ch.Items[0].Entered {
		t.Errorf("API changes: %+v", ch)
	}
}

// TestExplainDetails: the columns that say why a record counts — the
// person holding both posts of a combined-post indicator, a key cadre's
// posts, party status and education.
func TestExplainDetails(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("units", map[string]string{"id": "HD1", "name": "HĐND xã Một", "kind": "people_council", "locality_id": "X1", "valid_from": "2000-01-01"})
	b.Add("assignments", map[string]string{"person_id": "P1", "unit_id": "HD1", "role": "chair", "valid_from": "2016-07-01", "how": "elected"})
	c := signIn(t, newApp(t, b), "admin")
	_, f6 := c.get("/chi-tieu/concurrency.commune.secretary_council_chair?ngay=2020-06-30")
	row := between(f6, `<td><a href="/don-vi/X1?ngay=2020-06-30">Xã Một</a>`, `</tr>`)
	if !strings.Contains(f6, "<th>Người giữ cả hai chức vụ</th>") || !strings.Contains(row, "<strong>Trần Văn Bình</strong>") ||
		!strings.Contains(row, "Chủ tịch HĐND xã Một: <a") {
		t.Errorf("F6: the commune's row does not name the person holding both posts:\n%s", row)
	}
	_, f15 := c.get("/chi-tieu/key_cadres.commune.count?ngay=2020-06-30")
	row = between(f15, `Trần Văn Bình</a>`, `</tr>`)
	for _, want := range []string{"Bí thư – Đảng bộ xã Một", "Chủ tịch – HĐND xã Một", "chính thức – Đảng bộ xã Một", "Đại học"} {
		if !strings.Contains(row, want) {
			t.Errorf("F15: no %q in the row of Trần Văn Bình:\n%s", want, row)
		}
	}
}
