package sqldb

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The rule checks' records, streamed by SQL (CheckSource):
// each method reads the rows one rule family needs, joined with what it needs
// of people and units, in one query, so that memory stays with the rules.

// checkSource streams the records of the rule checks.
type checkSource struct {
	r     *Reader
	fresh *freshPeriods
}

// freshPeriods brings the member periods up to date once for a source (its
// rules ask from several goroutines).
type freshPeriods struct {
	once sync.Once
	ok   bool
}

// CheckSource returns the registry as the rule checks read it; the member
// periods are brought up to date once, on the first rule that wants them.
func (r *Reader) CheckSource() check.Source { return checkSource{r: r, fresh: &freshPeriods{}} }

// Parallel implements check.Parallel: the registry as it stands, or as
// recorded at a time, is read through the pool, one connection a query;
// inside a change set there is one connection, read by one rule at a time.
func (s checkSource) Parallel() bool { return s.r.q == querier(s.r.db.DB) }

// personCols are the columns of a person the rules read (table alias pe).
const personCols = `pe.id, pe.full_name, COALESCE(pe.gender, ''), pe.birth_date, pe.died_on, COALESCE(pe.citizen_id, '')`

func scanPerson(dst *check.Person) []any {
	return []any{&dst.ID, &dst.Name, &dst.Gender, &dst.Birth, &dst.Died, &dst.CitizenID}
}

// eachRow runs a query (with ? placeholders) and calls fn for each row.
func (r *Reader) eachRow(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	return queryEach(ctx, r.q, r.db.rebind(q), args, fn)
}

// queryEach runs a query on q and calls fn for each row.
func queryEach(ctx context.Context, q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Plans implements check.Source.
func (s checkSource) Plans(ctx context.Context, d tochuc.Date, fn func(check.PlanRow) error) error {
	return s.r.eachRow(ctx, `SELECT p.term, p.unit_id, p.role, p.person_id, p.added_on, p.removed_on, COALESCE(p.removal_reason, ''),
		COALESCE(p.document_id, ''), `+personCols+` FROM plans p JOIN people pe ON pe.id = p.person_id AND `+s.r.rec.where("pe")+`
		WHERE `+s.r.rec.where("p")+` AND p.added_on <= ? AND (p.removed_on IS NULL OR p.removed_on > ?)
		ORDER BY p.term, p.unit_id, p.role, p.person_id`, []any{d, d}, func(rows *sql.Rows) error {
		var p check.PlanRow
		if err := rows.Scan(append([]any{&p.Term, &p.UnitID, &p.Role, &p.PersonID, &p.AddedOn, &p.RemovedOn, &p.RemovalReason,
			&p.DocumentID}, scanPerson(&p.Person)...)...); err != nil {
			return err
		}
		return fn(p)
	})
}

// Posts implements check.Source.
func (s checkSource) Posts(ctx context.Context, d tochuc.Date, fn func(check.PostRow) error) error {
	return s.r.eachRow(ctx, `SELECT a.person_id, a.unit_id, a.role, COALESCE(a.how, ''), COALESCE(a.document_id, ''), a.valid_from, a.valid_to,
		COALESCE(u.kind, ''), `+personCols+` FROM assignments a JOIN people pe ON pe.id = a.person_id AND `+s.r.rec.where("pe")+`
		LEFT JOIN units u ON u.id = a.unit_id AND `+s.r.rec.where("u")+` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
		WHERE `+s.r.rec.where("a")+` AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)
		ORDER BY a.person_id, a.unit_id, a.role, a.valid_from`, []any{d, d, d, d}, func(rows *sql.Rows) error {
		var a check.PostRow
		if err := rows.Scan(append([]any{&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To, &a.UnitKind},
			scanPerson(&a.Person)...)...); err != nil {
			return err
		}
		return fn(a)
	})
}

// PostsIn implements check.Source.
func (s checkSource) PostsIn(ctx context.Context, d tochuc.Date, units []string, fn func(check.PostRow) error) error {
	for batch := range slices.Chunk(uniqueIDs(units), 500) {
		err := s.r.eachRow(ctx, `SELECT a.person_id, a.unit_id, a.role, COALESCE(a.how, ''), COALESCE(a.document_id, ''), a.valid_from, a.valid_to,
			COALESCE(u.kind, ''), `+personCols+` FROM assignments a JOIN people pe ON pe.id = a.person_id AND `+s.r.rec.where("pe")+`
			LEFT JOIN units u ON u.id = a.unit_id AND `+s.r.rec.where("u")+` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
			WHERE `+s.r.rec.where("a")+` AND a.unit_id IN (`+placeholders(len(batch))+`)
			AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)`,
			append(append([]any{d, d}, anys(batch)...), d, d), func(rows *sql.Rows) error {
				var a check.PostRow
				if err := rows.Scan(append([]any{&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To, &a.UnitKind},
					scanPerson(&a.Person)...)...); err != nil {
					return err
				}
				return fn(a)
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// Children implements check.Source.
func (s checkSource) Children(ctx context.Context, d tochuc.Date, parents []string, fn func(tochuc.Unit) error) error {
	for batch := range slices.Chunk(uniqueIDs(parents), 500) {
		err := s.r.eachRow(ctx, `SELECT `+unitColumns+` FROM units WHERE `+s.r.rec.where("")+` AND `+validAt+`
			AND parent_id IN (`+placeholders(len(batch))+`) ORDER BY id`, append([]any{d, d}, anys(batch)...), func(rows *sql.Rows) error {
			u, err := scanUnit(rows)
			if err != nil {
				return err
			}
			return fn(u)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Ratings implements check.Source.
func (s checkSource) Ratings(ctx context.Context, maxYear int, fn func(check.Rating) error) error {
	return s.r.eachRow(ctx, `SELECT e.year, e.subject_type, e.subject_id, e.category, e.rating, COALESCE(e.rated_by_id, ''), e.decided_on,
		COALESCE(pe.full_name, ''), pe.died_on
		FROM evaluations e LEFT JOIN people pe ON e.subject_type = 'person' AND pe.id = e.subject_id AND `+s.r.rec.where("pe")+`
		WHERE `+s.r.rec.where("e")+` AND e.year <= ? AND `+decided("e")+`
		ORDER BY e.subject_type, e.subject_id, e.year, e.category`, []any{maxYear}, func(rows *sql.Rows) error {
		var x check.Rating
		if err := rows.Scan(&x.Year, &x.SubjectType, &x.SubjectID, &x.Category, &x.Rating, &x.RatedByID, &x.DecidedOn,
			&x.Name, &x.Died); err != nil {
			return err
		}
		return fn(x)
	})
}

// members streams, person by person, each person's membership events up
// to d: what the membership checks fall back on when the member periods
// cannot serve (a reading as recorded at a past time, inside a change).
func (s checkSource) members(ctx context.Context, d tochuc.Date, fn func(check.Person, []tochuc.MembershipEvent) error) error {
	var cur check.Person
	var evs []tochuc.MembershipEvent
	flush := func() error {
		if len(evs) == 0 {
			return nil
		}
		err := fn(cur, evs)
		evs = nil
		return err
	}
	err := s.r.eachRow(ctx, `SELECT p.event, p.date, COALESCE(p.unit_id, ''), COALESCE(p.status, ''), `+personCols+`
		FROM party p JOIN people pe ON pe.id = p.person_id AND `+s.r.rec.where("pe")+`
		WHERE `+s.r.rec.where("p")+` AND p.date <= ? ORDER BY p.person_id, p.date, p.seq`, []any{d}, func(rows *sql.Rows) error {
		var e tochuc.MembershipEvent
		var who check.Person
		if err := rows.Scan(append([]any{&e.Event, &e.Date, &e.UnitID, &e.Status}, scanPerson(&who)...)...); err != nil {
			return err
		}
		if who.ID != cur.ID {
			if err := flush(); err != nil {
				return err
			}
			cur = who
		}
		evs = append(evs, e)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// periods reports whether the member periods (migration 0002) can answer
// for the state read: the registry as it stands now, brought up to date.
func (s checkSource) periods(ctx context.Context) bool {
	if s.r.rec != (Recorded{}) || s.r.q != querier(s.r.db.DB) {
		return false
	}
	s.fresh.once.Do(func() { s.fresh.ok = s.r.db.RefreshMemberPeriods(ctx) == nil })
	return s.fresh.ok
}

// Admissions implements check.Source.
func (s checkSource) Admissions(ctx context.Context, d tochuc.Date, fn func(check.Person, tochuc.Date) error) error {
	return s.r.eachRow(ctx, `SELECT p.date, `+personCols+` FROM party p JOIN people pe ON pe.id = p.person_id AND `+s.r.rec.where("pe")+`
		WHERE `+s.r.rec.where("p")+` AND p.event = 'admitted' AND p.date <= ? ORDER BY p.person_id, p.date`, []any{d},
		func(rows *sql.Rows) error {
			var date tochuc.Date
			var who check.Person
			if err := rows.Scan(append([]any{&date}, scanPerson(&who)...)...); err != nil {
				return err
			}
			return fn(who, date)
		})
}

// Probationers implements check.Source.
func (s checkSource) Probationers(ctx context.Context, d tochuc.Date, fn func(check.Person, tochuc.Date) error) error {
	if !s.periods(ctx) {
		return s.members(ctx, d, func(m check.Person, evs []tochuc.MembershipEvent) error {
			if st := tochuc.MembershipAt(evs, d, m.Died); !st.Member || !st.Probationary {
				return nil
			}
			var admitted tochuc.Date
			for _, e := range evs {
				if e.Event == tochuc.EventAdmitted {
					admitted = e.Date
				}
			}
			return fn(m, admitted)
		})
	}
	return s.r.eachRow(ctx, `SELECT (SELECT MAX(a.date) FROM party a WHERE a.person_id = m.person_id AND a.event = 'admitted'
			AND a.date <= ? AND `+s.r.rec.where("a")+`), `+personCols+`
		FROM member_periods m JOIN people pe ON pe.id = m.person_id AND `+s.r.rec.where("pe")+`
		WHERE m.probationary = 1 AND m.valid_from <= ? AND m.valid_to > ? ORDER BY m.person_id`, []any{d, d, d},
		func(rows *sql.Rows) error {
			var admitted tochuc.Date
			var who check.Person
			if err := rows.Scan(append([]any{&admitted}, scanPerson(&who)...)...); err != nil {
				return err
			}
			return fn(who, admitted)
		})
}

// OfficialMembers implements check.Source.
func (s checkSource) OfficialMembers(ctx context.Context, d tochuc.Date) (map[string]int, error) {
	out := map[string]int{}
	if !s.periods(ctx) {
		err := s.members(ctx, d, func(m check.Person, evs []tochuc.MembershipEvent) error {
			if st := tochuc.MembershipAt(evs, d, m.Died); st.Member && !st.Probationary {
				out[st.UnitID]++
			}
			return nil
		})
		return out, err
	}
	err := s.r.eachRow(ctx, `SELECT unit_id, COUNT(*) FROM member_periods WHERE probationary = 0 AND valid_from <= ? AND valid_to > ?
		AND unit_id IS NOT NULL GROUP BY unit_id`, []any{d, d}, func(rows *sql.Rows) error {
		var unit string
		var n int
		err := rows.Scan(&unit, &n)
		out[unit] = n
		return err
	})
	return out, err
}

// MemberRatings implements check.Source: for each year, one join of the
// member periods and the ratings, driven by the periods of the units
// (e.year + 0 keeps SQLite from scanning the year's ratings instead); as
// recorded at a past time or inside a change set, the members are derived
// from their events in one pass and the ratings read once.
func (s checkSource) MemberRatings(ctx context.Context, units map[int][]string, category string, fn func(int, string, check.Rating) error) error {
	if !s.periods(ctx) {
		return s.memberRatingsFromEvents(ctx, units, category, fn)
	}
	years := make([]int, 0, len(units))
	for y := range units {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, year := range years {
		d := tochuc.NewDate(year, 12, 31)
		for batch := range slices.Chunk(uniqueIDs(units[year]), 500) {
			err := s.r.eachRow(ctx, `SELECT m.unit_id, e.year, e.subject_type, e.subject_id, e.category, e.rating, COALESCE(e.rated_by_id, ''),
				e.decided_on, pe.full_name, pe.died_on
				FROM member_periods m JOIN evaluations e ON e.subject_type = 'person' AND e.subject_id = m.person_id
					AND e.year + 0 = ? AND e.category = ? AND `+decided("e")+` AND `+s.r.rec.where("e")+`
				JOIN people pe ON pe.id = m.person_id AND `+s.r.rec.where("pe")+`
				WHERE m.valid_from <= ? AND m.valid_to > ? AND m.unit_id IN (`+placeholders(len(batch))+`)
				ORDER BY m.person_id`, append([]any{year, category, d, d}, anys(batch)...),
				func(rows *sql.Rows) error {
					var unit string
					var x check.Rating
					if err := rows.Scan(&unit, &x.Year, &x.SubjectType, &x.SubjectID, &x.Category, &x.Rating, &x.RatedByID, &x.DecidedOn,
						&x.Name, &x.Died); err != nil {
						return err
					}
					return fn(year, unit, x)
				})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// memberRatingsFromEvents is MemberRatings without the member periods.
func (s checkSource) memberRatingsFromEvents(ctx context.Context, units map[int][]string, category string, fn func(int, string, check.Rating) error) error {
	registered, last := check.NewRegistered(units)
	if err := s.members(ctx, last, registered.Add); err != nil {
		return err
	}
	return s.Ratings(ctx, last.Time().Year(), func(r check.Rating) error { return registered.Rating(r, category, fn) })
}

// Units implements check.Source.
func (s checkSource) Units(ctx context.Context, d tochuc.Date, fn func(tochuc.Unit) error) error {
	return s.r.eachRow(ctx, `SELECT `+unitColumns+` FROM units WHERE `+s.r.rec.where("")+` AND `+validAt+` ORDER BY id`, []any{d, d},
		func(rows *sql.Rows) error {
			u, err := scanUnit(rows)
			if err != nil {
				return err
			}
			return fn(u)
		})
}

// People implements check.Source.
func (s checkSource) People(ctx context.Context, key string, fn func(check.Person) error) error {
	col := "pe.birth_date"
	if key == "citizen_id" {
		col = "pe.citizen_id"
	}
	return s.r.eachRow(ctx, `SELECT `+personCols+` FROM people pe WHERE `+s.r.rec.where("pe")+` AND `+col+` IS NOT NULL
		ORDER BY `+col+`, pe.id`, nil, func(rows *sql.Rows) error {
		var p check.Person
		if err := rows.Scan(scanPerson(&p)...); err != nil {
			return err
		}
		return fn(p)
	})
}

// UnitNames implements check.Source.
func (s checkSource) UnitNames(ctx context.Context, ids []string, d tochuc.Date) (map[string]string, error) {
	return s.r.UnitNames(ctx, ids, d)
}

// decided is the condition that an evaluation (alias a) is decided: only
// decided ratings count in reports and checks (bundle-v1 amendment 1; a row
// stored before migration 0016 has no status and was decided).
func decided(a string) string { return "COALESCE(" + a + ".status, 'decided') = 'decided'" }

// Disciplines implements check.Source: the disciplines decided on or before
// d (a few per thousand people; the rules hold them by subject).
func (s checkSource) Disciplines(ctx context.Context, d tochuc.Date, fn func(tochuc.Discipline) error) error {
	return s.r.eachRow(ctx, `SELECT x.subject_type, x.subject_id, x.form, x.date, COALESCE(x.authority_id, ''), COALESCE(x.document_id, ''),
		COALESCE(x.reason, '') FROM discipline x WHERE `+s.r.rec.where("x")+` AND x.date <= ?
		ORDER BY x.subject_type, x.subject_id, x.date, x.form`, []any{d}, func(rows *sql.Rows) error {
		var x tochuc.Discipline
		if err := rows.Scan(&x.SubjectType, &x.SubjectID, &x.Form, &x.Date, &x.AuthorityID, &x.DocumentID, &x.Reason); err != nil {
			return err
		}
		return fn(x)
	})
}
