package web_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPartyStatsReport: the statistical report of party members shows the
// catalog's figures in the tables of 11-HD/BTCTW with their shares and
// links to the names of each part, the year's movement balanced, the
// printed form's blocks, and downloads as a workbook; its API gives the
// same tables.
func TestPartyStatsReport(t *testing.T) {
	t.Parallel()
	b := richBundle()
	b.Add("party", map[string]string{"person_id": "P2", "event": "admitted", "date": "2019-05-01", "unit_id": "D1"})
	c := signIn(t, newApp(t, b), "admin")
	code, body := c.get("/thong-ke-dang-vien?ngay=2019-12-31")
	if code != 200 {
		t.Fatalf("report: %d\n%.500s", code, body)
	}
	for _, want := range []string{"Báo cáo thống kê đảng viên", "BÁO CÁO THỐNG KÊ ĐẢNG VIÊN", "đầu kỳ ngày 31/12/2018",
		"1. Đảng viên", "2. Giới tính", "3. Độ tuổi", "4. Dân tộc", "5. Tôn giáo", "6. Trình độ chuyên môn", "7. Trình độ lý luận chính trị",
		"8. Biến động đảng viên trong kỳ", "Chưa ghi ngày sinh", "Chưa qua đào tạo lý luận chính trị", "50,0 %",
		`href="/chi-tieu/party.members.age?ngay=2019-12-31&amp;tu=2018-12-31&amp;phan_nhom=41_50"`,
		`href="/chi-tieu/party.admitted?ngay=2019-12-31&amp;tu=2018-12-31"`,
		"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", `href="/thong-ke-dang-vien?`} {
		if !strings.Contains(body, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(body, "<strong>1 &#43; 1 − 0 = 2</strong>") {
		t.Errorf("balance: %s", between(body, `<p id="balance">`, `</p>`))
	}
	// the names behind one part
	code, names := c.get("/chi-tieu/party.members.gender?ngay=2019-12-31&phan_nhom=female")
	if code != 200 || !strings.Contains(names, "Nguyễn Thị Ánh") || strings.Contains(names, "Trần Văn Bình") {
		t.Errorf("female members: %d\n%.300s", code, between(names, `<table id="items">`, `</table>`))
	}
	if code, _ := c.get("/chi-tieu/party.members.gender?ngay=2019-12-31&phan_nhom=x"); code != 404 {
		t.Errorf("unknown part: %d, want 404", code)
	}
	// the API
	code, js := c.get("/api/v1/party-stats?ngay=2019-12-31")
	var env struct {
		Data struct {
			Since  string `json:"since"`
			Tables []struct {
				Title string `json:"title"`
				Rows  []struct {
					Part  string `json:"part"`
					Value int    `json:"value"`
				} `json:"rows"`
			} `json:"tables"`
			Movement struct{ Start, In, Out, End int } `json:"movement"`
		} `json:"data"`
	}
	err := json.Unmarshal([]byte(js), &env)
	v := env.Data
	if err != nil || code != 200 {
		t.Fatalf("api: %d %v\n%.300s", code, err, js)
	}
	if v.Since != "2018-12-31" || len(v.Tables) != 7 || v.Movement.Start != 1 || v.Movement.In != 1 || v.Movement.End != 2 {
		t.Errorf("api: %+v\n%.600s", v, js)
	}
	// the workbook
	code, x := c.get("/thong-ke-dang-vien?ngay=2019-12-31&dang=xlsx")
	if code != 200 || !strings.HasPrefix(x, "PK") {
		t.Errorf("xlsx: %d %.20q", code, x)
	}
}

// TestPartyStatsNames: the names behind a breakdown of members show the
// traits they are counted by, in Vietnamese.
func TestPartyStatsNames(t *testing.T) {
	t.Parallel()
	c := signIn(t, newApp(t, richBundle()), "admin")
	code, body := c.get("/chi-tieu/party.members.age?ngay=2019-12-31&phan_nhom=41_50")
	if code != 200 {
		t.Fatalf("names: %d", code)
	}
	items := between(body, `<table id="items">`, `</table>`)
	for _, want := range []string{"<th>Ngày sinh</th>", "Trần Văn Bình", "<td>Nam</td>", "<td>04/03/1970</td>", "Từ 41 đến 50 tuổi"} {
		if !strings.Contains(body, want) {
			t.Errorf("names lack %q\n%.600s", want, items)
		}
	}
}
