package sqldb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

func TestIndicatorsRecordedAt(t *testing.T) {
	db := openIndFixture(t)
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("", true)), true, indProvinceExpect)
	before := sqldb.RecordedAt(time.Now())
	time.Sleep(2 * time.Millisecond)
	// corrections: P07 left the chair of the council on 1-6-2018; P20 was removed on 1-10-2018
	fix := bundle.Tables{}
	fix.Add("assignments", map[string]string{"person_id": "P07", "unit_id": "HDX1", "role": "chair",
		"valid_from": "2016-07-01", "valid_to": "2018-06-01", "how": "elected"})
	fix.Add("party", map[string]string{"person_id": "P20", "event": "removed", "date": "2018-10-01"})
	sqldbtest.MustImport(t, db, fix)
	corrected := []indExpect{
		{"concurrency.commune.secretary_council_chair", wantShare(0, 3), wantShare(2, 3)}, // still chair on S
		{"village.head_party_member", wantShare(0, 3), wantShare(2, 3)},
		{"party.members", wantBy(11, map[string]int{"probationary": 2, "official": 9}),
			wantBy(15, map[string]int{"probationary": 1, "official": 14})},
	}
	indCheckAll(t, indCompute(t, db, sqldb.Recorded{}, indParams("", true)), true, corrected)
	// as recorded before the corrections: the old figures, every one of them
	indCheckAll(t, indCompute(t, db, before, indParams("", true)), true, indProvinceExpect)
	// a recording time after the last change is the same as now
	indCheckAll(t, indCompute(t, db, sqldb.RecordedAt(time.Now()), indParams("", true)), true, corrected)
}

func TestIndicatorsExplain(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	src := db.Reader(sqldb.Recorded{})
	explain := func(id, scope string) string {
		t.Helper()
		items, err := indicator.Explain(ctx, src, indParams(scope, true), id)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, it := range items {
			fmt.Fprintf(&b, "%s %s", it.ID, it.Name)
			if it.Part != "" {
				fmt.Fprintf(&b, " [%s]", it.Part)
			}
			if !it.Counted {
				b.WriteString(" -")
			}
			if it.Amount != nil {
				fmt.Fprintf(&b, " %d", *it.Amount)
			}
			b.WriteString("; ")
		}
		return b.String()
	}
	for _, c := range []struct{ id, scope, want string }{
		{"concurrency.commune.secretary_council_chair", "",
			"X1 Thị trấn Đồi Ngô; X2 Xã Bảo Sơn -; X3 Phường Trần Phú -; "},
		{"units.commune", "H1", "X1 Thị trấn Đồi Ngô; X2 Xã Bảo Sơn; "},
		{"staff.total", "H1", "HU1 Đảng bộ huyện Lục Nam [party] 6; PB4 Tổ Đảng vụ [party] 4; MT1 Ủy ban MTTQ huyện Lục Nam [front] 8; " +
			"PB3 Tổ Tuyên truyền [front] 3; PB1 Bộ phận một cửa [state] 5; UB1 UBND huyện Lục Nam [state] 18; E1 Công ty TNHH Minh Phát [none] 50; "},
		{"key_cadres.commune.college_plus", "X1", "P07 Hoàng Văn Giáp; P14 Ngô Thị Na -; P15 Dương Văn Oanh; "},
		{"recruitment.commune.university_plus", "", "P31 Triệu Văn Định; P35 Quách Văn Khải; "},
		{"party.members", "H2", "P40 Giáp Văn Long [probationary]; P24 Hà Văn Yên [official]; P46 Văn Đức Sang [official]; P47 Tăng Thị Thu [official]; "},
		{"party.non_state_enterprise.orgs", "", "DE3 Đảng bộ Công ty May Trần Phú [party_grassroots_committee]; CE1 Chi bộ Công ty Minh Phát [party_grassroots_cell]; "},
		{"party.non_state_enterprise.members", "", "P44 Ông Văn Phong; P46 Văn Đức Sang; P47 Tăng Thị Thu; "},
		{"village.head_party_member", "", "P20 Lưu Văn Tú; P21 Tạ Thị Uyên -; P22 Chu Văn Vinh -; "},
	} {
		if got := explain(c.id, c.scope); got != c.want {
			t.Errorf("explain %s %s:\n got %s\nwant %s", c.id, c.scope, got, c.want)
		}
	}
	if _, err := indicator.Explain(ctx, src, indParams("", true), "units.nothing"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("unknown indicator: %v", err)
	}
}

// TestIndicatorsAgree checks, for every indicator, that the records Explain
// lists add up to the figures Compute gives.
func TestIndicatorsAgree(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	src := db.Reader(sqldb.Recorded{})
	for _, scope := range []string{"", "H1", "X1"} {
		p := indParams(scope, true)
		got := indCompute(t, db, sqldb.Recorded{}, p)
		for _, def := range indicator.Catalog() {
			items, err := indicator.Explain(ctx, src, p, def.ID)
			if err != nil {
				t.Fatal(err)
			}
			value, parts := 0, map[string]int{}
			for _, it := range items {
				n := 1
				if it.Amount != nil {
					n = *it.Amount
				}
				if it.Counted {
					value += n
					parts[it.Part] += n
				}
			}
			ind := got[def.ID]
			if value != ind.Value {
				t.Errorf("%s (scope %q): items add up to %d, value %d", def.ID, scope, value, ind.Value)
			}
			if ind.Of != nil && *ind.Of != len(items) {
				t.Errorf("%s (scope %q): %d items, of %d", def.ID, scope, len(items), *ind.Of)
			}
			for part, n := range ind.By {
				if parts[part] != n {
					t.Errorf("%s (scope %q): part %s items %d, by %d", def.ID, scope, part, parts[part], n)
				}
			}
		}
	}
}

func TestIndicatorsJSON(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	res, err := indicator.Compute(ctx, db.Reader(sqldb.Recorded{}), indParams("H1", true))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		AsOf       string `json:"as_of"`
		Since      string
		Scope      map[string]string
		Indicators []map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scope["id"] != "H1" || doc.Scope["name"] != "Huyện Lục Nam" || doc.AsOf != indD {
		t.Errorf("header: %+v", doc)
	}
	byID := map[string]map[string]any{}
	for _, ind := range doc.Indicators {
		byID[ind["id"].(string)] = ind
	}
	if doc.Since != indS || len(byID) != len(indicator.Catalog()) {
		t.Errorf("since %q, %d indicators", doc.Since, len(byID))
	}
	for id, want := range map[string]string{
		"concurrency.commune.secretary_council_chair": `{"value":1,"of":2,"ratio":0.5,"since":{"value":2,"of":2},"change":-1}`,
		"key_cadres.commune.college_plus":             `{"value":3,"of":5,"ratio":0.6,"since":{"value":2,"of":5},"change":1}`,
		"recruitment.commune.university_plus":         `{"value":2}`,
		"party.members":                               `{"value":7,"by":{"official":6,"probationary":1},"since":{"value":12,"by":{"official":12,"probationary":0}},"change":-5}`,
	} {
		ind := byID[id]
		delete(ind, "id")
		delete(ind, "label")
		var w map[string]any
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ind, w) {
			b, _ := json.Marshal(ind)
			t.Errorf("%s: %s, want %s", id, b, want)
		}
	}
}

// TestIndicatorItemsPaged checks that paging through the records behind
// every indicator visits each once, in the order of the whole list, and
// that the whole list is in the order Items always had (by part in the
// order of the indicator's parts, then by id); and that the counts agree.
func TestIndicatorItemsPaged(t *testing.T) {
	ctx := context.Background()
	db := openIndFixture(t)
	src := db.Reader(sqldb.Recorded{})
	for _, scope := range []string{"", "H1"} {
		p := indParams(scope, true)
		for _, def := range indicator.Catalog() {
			all, err := indicator.Explain(ctx, src, p, def.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(all)
			order := func(part string) int { return slices.Index(def.Parts, part) }
			slices.SortStableFunc(want, func(a, b indicator.Item) int {
				if c := order(a.Part) - order(b.Part); c != 0 {
					return c
				}
				return strings.Compare(a.ID, b.ID)
			})
			if !reflect.DeepEqual(all, want) {
				t.Errorf("%s (scope %q): not in order:\n%v\nwant\n%v", def.ID, scope, all, want)
			}
			for _, size := range []int{1, 2, 3} {
				var paged []indicator.Item
				for from := 0; ; from += size {
					n := 0
					err := src.EachItem(ctx, p, def, indicator.Range{Offset: from, Limit: size}, func(it indicator.Item) error {
						paged, n = append(paged, it), n+1
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if n < size {
						break
					}
				}
				if !reflect.DeepEqual(paged, all) && !(len(paged) == 0 && len(all) == 0) {
					t.Errorf("%s (scope %q) by %d:\n%v\nwant\n%v", def.ID, scope, size, paged, all)
				}
			}
			n, err := src.CountItems(ctx, p, def, 0)
			if err != nil {
				t.Fatal(err)
			}
			counted, sum := 0, 0
			for _, it := range all {
				if it.Counted {
					counted++
					if it.Amount != nil {
						sum += *it.Amount
					}
				}
			}
			if n.Listed != len(all) || n.Counted != counted || (def.Sum && n.Sum != sum) || n.More {
				t.Errorf("%s (scope %q): count %+v, want %d listed, %d counted, sum %d", def.ID, scope, n, len(all), counted, sum)
			}
			if len(all) > 1 {
				n, err := src.CountItems(ctx, p, def, len(all)-1)
				if err != nil || !n.More || n.Listed != len(all)-1 {
					t.Errorf("%s (scope %q): capped count %+v, %v", def.ID, scope, n, err)
				}
				if n, err := src.CountItems(ctx, p, def, len(all)); err != nil || n.More || n.Listed != len(all) {
					t.Errorf("%s (scope %q): count at the cap %+v, %v", def.ID, scope, n, err)
				}
			}
		}
	}
}
