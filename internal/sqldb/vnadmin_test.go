package sqldb_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/vnadmin"
)

// TestVietnamAdministrativeUnits imports the real administrative units of
// Vietnam before and after the 2025 reform with the merge mapping as
// restructure events, exports them, re-imports the export into a fresh
// database and checks the counts on both sides of 2025-07-01.
func TestVietnamAdministrativeUnits(t *testing.T) {
	ctx := context.Background()
	if testing.Short() {
		t.Skip("imports 25,000 rows")
	}
	vn, err := vnadmin.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	src := bundle.Tables{"units": vn.Units, "restructure": vn.Restructure, "documents": vn.Documents}
	db1 := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db1, src)
	zip := filepath.Join(t.TempDir(), "vn.zip")
	out1 := exportTo(t, db1, sqldb.Recorded{}, zip)
	db2 := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db2, out1)
	diff(t, records(t, exportTo(t, db2, sqldb.Recorded{}, filepath.Join(t.TempDir(), "vn2.zip"))), records(t, out1))

	for _, db := range []*sqldb.DB{db1, db2} {
		for _, c := range []struct {
			date                          string
			provinces, districts, commune int
		}{
			{"2025-06-30", 63, 696, 10035},
			{"2025-07-01", 34, 0, 3321},
		} {
			m, err := db.Reader(sqldb.Recorded{}).CountUnitsByKind(ctx, tochuc.MustDate(c.date), nil)
			if err != nil {
				t.Fatal(err)
			}
			if m["province"] != c.provinces || m["district"] != c.districts || m["commune"] != c.commune {
				t.Errorf("%s: %d provinces, %d districts, %d communes; want %d, %d, %d", c.date,
					m["province"], m["district"], m["commune"], c.provinces, c.districts, c.commune)
			}
		}
	}
	// Scope through parent_id: old Bắc Giang had 10 districts and 192 communes before the reform.
	m, err := db2.Reader(sqldb.Recorded{}).CountUnitsByKind(ctx, tochuc.MustDate("2025-06-30"), []string{vnadmin.OldID("24")})
	if err != nil || m["district"] != 10 || m["commune"] != 192 {
		t.Errorf("Bắc Giang: %v %v", m, err)
	}
}
