package sqldb_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// richBundle is a small valid bundle that uses every file, several versions of
// a unit, same-date party events, extra columns and awkward text.
func richBundle() bundle.Tables {
	return bundle.Tables{
		"units": {
			{"id", "name", "kind", "parent_id", "locality_id", "host_id", "subtype", "sector", "ownership", "admin_code", "valid_from", "valid_to", "x_ghi_chu"},
			{"T24", "Tỉnh Bắc Giang", "province", "", "", "", "tinh", "", "", "24", "2008-01-01", "2025-07-01", ""},
			{"H218", "Huyện Lục Nam", "district", "T24", "", "", "huyen", "", "", "218", "2008-01-01", "2025-07-01", "có \"ngoặc kép\", dấu phẩy"},
			{"X1", "Xã Bảo Đài", "commune", "H218", "", "", "xa", "", "", "07001", "2008-01-01", "2020-01-01", ""},
			{"X2", "Xã Bảo Sơn", "commune", "H218", "", "", "xa", "", "", "07002", "2008-01-01", "2020-01-01", ""},
			{"X3", "Xã Bảo Đài", "commune", "H218", "", "", "xa", "", "", "07001", "2020-01-01", "", "dòng 1\ndòng 2"},
			{"DB24", "Đảng bộ tỉnh Bắc Giang", "party_provincial", "", "T24", "", "", "", "", "", "2008-01-01", "", ""},
			{"HU218", "Huyện ủy Lục Nam", "party_upper", "DB24", "H218", "", "", "", "", "", "2008-01-01", "2018-06-01", ""},
			{"HU218", "Đảng bộ huyện Lục Nam", "party_upper", "DB24", "H218", "", "", "", "", "", "2018-06-01", "", ""},
			{"DX1", "Đảng bộ xã Bảo Đài", "party_grassroots_committee", "HU218", "X1", "", "", "", "", "", "2008-01-01", "2020-01-01", ""},
			{"DX3", "Đảng bộ xã Bảo Đài (mới)", "party_grassroots_committee", "HU218", "X3", "", "", "", "", "", "2020-01-01", "", ""},
			{"UB1", "UBND xã Bảo Đài", "people_committee", "", "X1", "", "", "", "", "", "2008-01-01", "2020-01-01", ""},
			{"DN1", "Công ty TNHH Hòa Phát", "enterprise", "", "X1", "", "", "", "non_state", "", "2010-01-01", "", ""},
			{"CB1", "Chi bộ Công ty Hòa Phát", "party_cell", "DX1", "X1", "DN1", "", "", "", "", "2012-01-01", "2020-01-01", ""},
			{"PB1", "Phòng Nội vụ", "internal_division", "UB1", "H218", "", "", "state", "", "", "2008-01-01", "", ""},
		},
		"people": {
			{"id", "full_name", "gender", "birth_date", "ethnicity", "religion", "died_on"},
			{"P1", "Nguyễn Văn An", "male", "1970-05-01", "Kinh", "", ""},
			{"P2", "Trần Thị Bình", "female", "1980-01-02", "Tày", "Phật giáo", "2021-03-04"},
			{"P3", "Lê Văn Cường", "male", "", "", "", ""},
		},
		"documents": {
			{"id", "number", "kind", "issuer_id", "issued_on", "title", "replaces_id"},
			{"D1", "47-KH/TU", "plan", "DB24", "2018-05-30", "Kế hoạch sắp xếp, kiện toàn tổ chức bộ máy", ""},
			{"D2", "813/NQ-UBTVQH14", "resolution", "", "2019-12-17", "Nghị quyết sắp xếp đơn vị hành chính", "D1"},
		},
		"qualifications": {
			{"person_id", "kind", "level", "obtained_on"},
			{"P1", "education", "university", "1995-06-30"},
			{"P1", "political_theory", "advanced", ""},
			{"P2", "education", "college", "2019-01-01"},
		},
		"party": {
			{"person_id", "event", "date", "unit_id", "status", "document_id"},
			{"P1", "admitted", "2010-01-01", "DX1", "", ""},
			{"P1", "recognized", "2011-01-01", "", "", ""},
			{"P1", "transferred", "2020-01-01", "DX3", "", "D2"},
			{"P2", "transferred_in", "2012-05-01", "CB1", "probationary", ""},
			{"P2", "recognized", "2012-05-01", "", "", ""},
			{"P2", "died", "2021-03-04", "", "", ""},
			{"P3", "admitted", "2015-01-01", "DX1", "", ""},
			{"P3", "removed", "2016-01-01", "", "", ""},
		},
		"assignments": {
			{"person_id", "unit_id", "role", "valid_from", "valid_to", "how", "document_id"},
			{"P1", "DX1", "secretary", "2015-01-01", "2020-01-01", "elected", ""},
			{"P1", "UB1", "chair", "2015-01-01", "2020-01-01", "elected", ""},
			{"P1", "DX3", "secretary", "2020-01-01", "", "elected", "D2"},
			{"P2", "PB1", "civil_servant", "2012-01-01", "2021-03-04", "recruited", ""},
		},
		"headcount": {
			{"unit_id", "date", "actual", "quota"},
			{"UB1", "2018-01-01", "20", "22"},
			{"UB1", "2019-01-01", "18", ""},
		},
		"restructure": {
			{"event_id", "date", "kind", "from_unit_id", "to_unit_id", "document_id"},
			{"E1", "2020-01-01", "merge", "X1", "X3", "D2"},
			{"E1", "2020-01-01", "merge", "X2", "X3", "D2"},
			{"E2", "2020-01-01", "merge", "DX1", "DX3", "D2"},
			{"E3", "2020-01-01", "dissolve", "UB1", "", ""},
		},
		"evaluations": {
			{"year", "subject_type", "subject_id", "category", "rating", "rated_by_id", "decided_on"},
			{"2018", "unit", "DX1", "party_org", "good", "HU218", "2018-12-20"},
			{"2018", "person", "P1", "party_member", "excellent", "DX1", ""},
		},
		"plans": {
			{"term", "unit_id", "role", "person_id", "added_on", "removed_on", "removal_reason", "document_id"},
			{"2020-2025", "HU218", "secretary", "P1", "2018-06-01", "", "", ""},
			{"2020-2025", "HU218", "deputy_secretary", "P3", "2018-06-01", "2019-01-01", "Không còn đủ tiêu chuẩn, điều kiện", ""},
		},
	}
}

// records returns a bundle's records as sorted lines "file|col=value|…" with
// empty cells left out, so that column order and row order do not matter.
func records(t *testing.T, src bundle.Source) []string {
	t.Helper()
	var out []string
	for _, name := range src.Names() {
		rr, err := src.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		header, err := rr.Next()
		if err != nil {
			t.Fatal(err)
		}
		header = append([]string{}, header...)
		for {
			row, err := rr.Next()
			if err != nil {
				break
			}
			var cells []string
			for i, v := range row {
				if v != "" {
					cells = append(cells, header[i]+"="+v)
				}
			}
			sort.Strings(cells)
			out = append(out, name+"|"+strings.Join(cells, "|"))
		}
		rr.Close()
	}
	sort.Strings(out)
	return out
}

// exportTo exports the database (as recorded at rec) to a new bundle at path.
func exportTo(t *testing.T, db *sqldb.DB, rec sqldb.Recorded, path string) bundle.Source {
	ctx := context.Background()
	t.Helper()
	sink, err := container.CreateSink(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bundle.Export(ctx, db.Reader(rec), sink); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	src, err := container.OpenSource(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

func diff(t *testing.T, got, want []string) {
	t.Helper()
	g, w := map[string]int{}, map[string]int{}
	for _, s := range got {
		g[s]++
	}
	for _, s := range want {
		w[s]++
	}
	for s, n := range w {
		if g[s] != n {
			t.Errorf("missing or miscounted: %s (got %d, want %d)", s, g[s], n)
		}
	}
	for s, n := range g {
		if w[s] == 0 {
			t.Errorf("unexpected: %s (%d)", s, n)
		}
	}
}
