package sqldb

import "context"

// A session recorded at a past time cannot read by the partial indexes
// (WHERE rec_to IS NULL) the queries rely on, so it first copies the rows
// held then into temp tables tc_<table>, indexed like the registry's.

// snapshotIndexes are the indexes the indicator queries read each table by.
var snapshotIndexes = map[string][][2]string{
	"units": {{"units_current", "id, valid_from"}, {"units_kind_valid", "kind, valid_from, valid_to, id, ownership"},
		{"units_locality_kind", "locality_id, kind, valid_from, valid_to, id"}, {"units_parent", "parent_id"}, {"units_host", "host_id"}},
	"assignments": {{"assignments_unit_role", "unit_id, role, valid_from, valid_to, person_id"},
		{"assignments_person_role", "person_id, role, valid_from, valid_to, unit_id"}, {"assignments_how", "how, valid_from"}},
	"people":         {{"people_died", "id, died_on"}},
	"qualifications": {{"qualifications_level", "person_id, kind, level, obtained_on"}},
	"headcount":      {{"headcount_latest", "unit_id, date, actual"}},
}

// memberPeriodIndexes are the indexes of member_periods (migration 0002).
var memberPeriodIndexes = [][2]string{{"member_periods_to", "valid_to"}, {"member_periods_from", "valid_from"},
	{"member_periods_probationary", "probationary, valid_to, valid_from"},
	{"member_periods_person", "person_id, valid_from, valid_to"},
	{"member_periods_unit", "unit_id, valid_to, valid_from, probationary, person_id"}}

// snapshot copies the rows held at the session's recording time.
func (s *session) snapshot(ctx context.Context) error {
	for _, table := range []string{"units", "assignments", "people", "qualifications", "headcount"} {
		name := "tc_" + table
		if _, err := s.tx.ExecContext(ctx, "DROP TABLE IF EXISTS "+name); err != nil {
			return err
		}
		q := "CREATE TEMP TABLE " + name + " AS SELECT * FROM " + table + " WHERE " + s.rec.where("")
		if _, err := s.tx.ExecContext(ctx, q); err != nil {
			return err
		}
		s.temps = append(s.temps, name)
		if err := s.indexTemp(ctx, table, snapshotIndexes[table]); err != nil {
			return err
		}
	}
	return nil
}

// indexTemp indexes the temp table tc_<table> (the index tc_<name> for each name, columns).
func (s *session) indexTemp(ctx context.Context, table string, indexes [][2]string) error {
	for _, ix := range indexes {
		q := "CREATE INDEX tc_" + ix[0] + " ON tc_" + table + " (" + ix[1] + ")"
		if _, err := s.tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if s.db.Dialect == Postgres {
		_, err := s.tx.ExecContext(ctx, "ANALYZE tc_"+table)
		return err
	}
	return nil
}
