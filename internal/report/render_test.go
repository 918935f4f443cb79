package report

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

func ptr[T any](v T) *T { return &v }

// sample is a report shaped like the article's figures.
func sample() *indicator.Result {
	return &indicator.Result{AsOf: "2018-12-31", Since: "2018-05-30", Scope: &indicator.Scope{ID: "T24", Name: "Tỉnh Bắc Giang"},
		Indicators: []indicator.Indicator{
			{ID: "key_cadres.commune.count", Label: "Cán bộ chủ chốt cấp xã", Value: 1186,
				Since: &indicator.Figure{Value: 1200}, Change: ptr(-14)},
			{ID: "key_cadres.commune.college_plus", Label: "Cán bộ chủ chốt cấp xã có trình độ cao đẳng trở lên",
				Value: 748, Of: ptr(1186), Ratio: ptr(0.630691), Since: &indicator.Figure{Value: 700, Of: ptr(1200)}, Change: ptr(48)},
			{ID: "staff.total", Label: "Biên chế (số người làm việc)", Value: 52000,
				By:    map[string]int{"party": 1500, "front": 800, "state": 49700, "none": 0},
				Since: &indicator.Figure{Value: 53120, By: map[string]int{"party": 1540, "front": 837, "state": 50743, "none": 0}}, Change: ptr(-1120)},
			{ID: "recruitment.commune.university_plus", Label: "Tuyển dụng vào cấp xã có trình độ đại học trở lên", Value: 94, Flow: true},
		}}
}

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTable(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"ngày 31/12/2018 (so với ngày 30/05/2018) — phạm vi: Tỉnh Bắc Giang",
		"1.186", "63,1 %", "52.000", "-1.120", "+48", "   – Khối chính quyền", "49.700", "-1.043", "(*) số phát sinh từ sau ngày 30/05/2018"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// labels on the left, figures right-aligned: every row of the table has the same width
	lines := strings.Split(out, "\n")
	var width int
	for _, l := range lines[2:] {
		if l == "" {
			break
		}
		if width == 0 {
			width = utf8.RuneCountInString(l)
		}
		if utf8.RuneCountInString(l) != width {
			t.Errorf("ragged row %q", l)
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "Cán bộ chủ chốt cấp xã  ") && !strings.HasSuffix(l, "-14") {
			t.Errorf("change not at the right edge: %q", l)
		}
	}
}

func TestRowsAndCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := BOM + `id,part,label,value,of,ratio,since_value,since_of,change
key_cadres.commune.count,,Cán bộ chủ chốt cấp xã,1186,,,1200,,-14
key_cadres.commune.college_plus,,Cán bộ chủ chốt cấp xã có trình độ cao đẳng trở lên,748,1186,0.630691,700,1200,48
staff.total,,Biên chế (số người làm việc),52000,,,53120,,-1120
staff.total,party,Khối Đảng,1500,,,1540,,-40
staff.total,front,"Khối Mặt trận, đoàn thể",800,,,837,,-37
staff.total,state,Khối chính quyền,49700,,,50743,,-1043
staff.total,none,Khác,0,,,0,,0
recruitment.commune.university_plus,,Tuyển dụng vào cấp xã có trình độ đại học trở lên,94,,,,,
`
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", buf.String(), want)
	}
}

// fakeSource answers indicator.Compute and indicator.Explain without a database.
type fakeSource struct{ ms []indicator.Measure }

func (f fakeSource) Unit(_ context.Context, id string, d tochuc.Date) (tochuc.Unit, error) {
	return tochuc.Unit{ID: id, Name: "Huyện Lục Nam"}, nil
}
func (f fakeSource) Evaluate(_ context.Context, p indicator.Params, defs []indicator.Def) ([]indicator.Measure, error) {
	return f.ms, nil
}
func (f fakeSource) EachItem(_ context.Context, p indicator.Params, def indicator.Def, rg indicator.Range, fn func(indicator.Item) error) error {
	for _, it := range []indicator.Item{{ID: "X1", Name: "Xã Bảo Đài", Counted: true}, {ID: "X2", Name: "Xã Bảo Sơn"}} {
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}
func (f fakeSource) EachChange(context.Context, indicator.Params, indicator.Def, indicator.Range, func(indicator.Change) error) error {
	return nil
}

func (f fakeSource) CountChanges(context.Context, indicator.Params, indicator.Def) (indicator.ChangeCount, error) {
	return indicator.ChangeCount{}, nil
}

func (f fakeSource) ItemDetails(context.Context, indicator.Params, indicator.Def, []string) (map[string]indicator.Detail, error) {
	return nil, nil
}

func (f fakeSource) CountItems(_ context.Context, p indicator.Params, def indicator.Def, limit int) (indicator.ItemCount, error) {
	return indicator.ItemCount{Listed: 2, Counted: 1}, nil
}

func TestComputeShapes(t *testing.T) {
	ctx := context.Background()
	src := fakeSource{ms: []indicator.Measure{
		{ID: "concurrency.commune.secretary_council_chair", Value: 165, Of: 230},
		{ID: "concurrency.commune.secretary_council_chair", Since: true, Value: 150, Of: 230},
		{ID: "party.members", Part: "official", Value: 10},
		{ID: "party.members", Part: "probationary", Value: 2},
		{ID: "recruitment.commune.university_plus", Value: 94},
	}}
	p := indicator.Params{AsOf: tochuc.MustDate("2018-12-31"), Since: tochuc.MustDate("2018-05-30"), Scope: "H1"}
	res, err := indicator.Compute(ctx, src, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Indicators) != len(indicator.Catalog()) || res.Scope.Name != "Huyện Lục Nam" {
		t.Fatalf("%d indicators, scope %+v", len(res.Indicators), res.Scope)
	}
	for _, ind := range res.Indicators {
		switch ind.ID {
		case "concurrency.commune.secretary_council_chair":
			if *ind.Ratio != 0.717391 || *ind.Change != 15 || *ind.Since.Of != 230 {
				t.Errorf("share: %+v", ind)
			}
		case "party.members":
			if ind.Value != 12 || ind.By["probationary"] != 2 || ind.Since.By["official"] != 0 || *ind.Change != 12 {
				t.Errorf("breakdown: %+v", ind)
			}
		case "recruitment.commune.university_plus":
			if ind.Value != 94 || ind.Since != nil || ind.Change != nil {
				t.Errorf("flow: %+v", ind)
			}
		case "commune.combined_office": // a share with nothing to count: of 0, no ratio
			if ind.Of == nil || *ind.Of != 0 || ind.Ratio != nil {
				t.Errorf("empty share: %+v", ind)
			}
		}
	}
	if _, err := indicator.Compute(ctx, src, indicator.Params{AsOf: p.Since, Since: p.AsOf}); tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Errorf("since after as-of: %v", err)
	}
	e, err := indicator.NewExplanation(ctx, src, p, "concurrency.commune.secretary_council_chair")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteExplanationTable(&buf, e); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Được tính 1 trên 2", "X1  Xã Bảo Đài  có", "X2  Xã Bảo Sơn  không", "phạm vi: Huyện Lục Nam"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("explanation lacks %q:\n%s", want, buf.String())
		}
	}
	if _, err := indicator.Explain(ctx, src, p, "no.such"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("unknown id: %v", err)
	}
}
