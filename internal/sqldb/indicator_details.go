package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// ItemDetails implements indicator.Engine: what makes each of the records
// ids (a page of them) count, read on p.AsOf in a few queries over those
// records only.
func (r *Reader) ItemDetails(ctx context.Context, p indicator.Params, def indicator.Def, ids []string) (map[string]indicator.Detail, error) {
	out := make(map[string]indicator.Detail, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	p.Since = 0
	s, err := r.openSession(ctx, p)
	if err != nil {
		return nil, err
	}
	defer s.close(ctx)
	b := s.builder(s.dates(false)[0])
	in, params := idList(b, ids)
	d := detailReader{s: s, b: b, in: in, params: params, out: out}
	switch c := def.Counts.(type) {
	case indicator.BothPosts:
		err = d.localityPosts(ctx, []indicator.Post{c.First, c.Second})
		for id, det := range out {
			det.Both = bothHolder(det.Posts, c.First.Role, c.Second.Role)
			out[id] = det
		}
	case indicator.LocalityHas:
		err = d.localityPosts(ctx, []indicator.Post{{Role: c.Role, Kinds: []string{c.UnitKind}}})
	case indicator.MemberTraits:
		if err = d.persons(ctx); err == nil {
			err = d.traits(ctx)
		}
	default:
		if def.Persons {
			err = d.persons(ctx)
		} else {
			err = d.units(ctx)
		}
	}
	return out, err
}

// bothHolder names the person holding a post of each role, or "".
func bothHolder(posts []indicator.Held, first, second string) string {
	for _, a := range posts {
		for _, b := range posts {
			if a.Role == first && b.Role == second && a.PersonID == b.PersonID && a.PersonID != "" {
				return a.Person
			}
		}
	}
	return ""
}

// idList returns ":ia, :ib, …" for the ids and the parameters with them
// (parameter names are letters only, as bind reads them).
func idList(b *qb, ids []string) (string, map[string]any) {
	params := b.args()
	names := make([]string, len(ids))
	for i, id := range ids {
		name := "id"
		for n := i; ; n /= 26 {
			name += string(rune('a' + n%26))
			if n < 26 {
				break
			}
		}
		names[i], params[name] = ":"+name, id
	}
	return strings.Join(names, ", "), params
}

// detailReader reads the details of a page of records in one session.
type detailReader struct {
	s      *session
	b      *qb
	in     string // the ids' parameters
	params map[string]any
	out    map[string]indicator.Detail
}

// each runs a query and calls fn with every row scanned into dst.
func (d detailReader) each(ctx context.Context, sql string, fn func() error, dst ...any) error {
	rows, err := d.s.query(ctx, sql, d.params)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// localityPosts reads, for localities, the holders of each post in their
// own units (a post without a role: the units of its kinds).
func (d detailReader) localityPosts(ctx context.Context, posts []indicator.Post) error {
	b := d.b
	for _, post := range posts {
		var loc, role, unit, pid, person string
		sql := `SELECT u.locality_id, '', u.name, '', '' FROM ` + b.t("units") + ` u
			WHERE u.locality_id IN (` + d.in + `) AND u.kind IN (` + quoted(post.Kinds) + `) AND ` + own("u") + ` AND ` + b.valid("u") + `
			ORDER BY u.locality_id, u.name`
		if post.Role != "" {
			sql = `SELECT u.locality_id, a.role, u.name, a.person_id, COALESCE(pe.full_name, '') FROM ` + b.t("units") + ` u
			JOIN ` + b.t("assignments") + ` a ON a.unit_id = u.id AND a.role = '` + post.Role + `' AND ` + b.valid("a") + `
			LEFT JOIN ` + b.t("people") + ` pe ON pe.id = a.person_id AND ` + b.rec("pe") + `
			WHERE u.locality_id IN (` + d.in + `) AND u.kind IN (` + quoted(post.Kinds) + `) AND ` + own("u") + ` AND ` + b.valid("u") + `
			AND ` + b.live("a.person_id", ":d") + ` ORDER BY u.locality_id, u.name, a.person_id`
		}
		err := d.each(ctx, sql, func() error {
			det := d.out[loc]
			det.Posts = append(det.Posts, indicator.Held{Role: role, Unit: unit, PersonID: pid, Person: person})
			d.out[loc] = det
			return nil
		}, &loc, &role, &unit, &pid, &person)
		if err != nil {
			return err
		}
	}
	return nil
}

// units reads the superior and the host of units.
func (d detailReader) units(ctx context.Context) error {
	b := d.b
	var id, parent, host string
	sql := `SELECT u.id, COALESCE(pa.name, ''), COALESCE(ho.name, '') FROM ` + b.t("units") + ` u
		LEFT JOIN ` + b.t("units") + ` pa ON pa.id = u.parent_id AND ` + b.valid("pa") + `
		LEFT JOIN ` + b.t("units") + ` ho ON ho.id = u.host_id AND ` + b.valid("ho") + `
		WHERE u.id IN (` + d.in + `) AND ` + b.valid("u")
	return d.each(ctx, sql, func() error {
		det := d.out[id]
		det.Parent, det.Host = parent, host
		d.out[id] = det
		return nil
	}, &id, &parent, &host)
}

// persons reads the posts, party status and qualifications of persons.
func (d detailReader) persons(ctx context.Context) error {
	b := d.b
	var id, role, unit string
	err := d.each(ctx, `SELECT a.person_id, a.role, COALESCE(u.name, '') FROM `+b.t("assignments")+` a
		LEFT JOIN `+b.t("units")+` u ON u.id = a.unit_id AND `+b.valid("u")+`
		WHERE a.person_id IN (`+d.in+`) AND `+b.valid("a")+` ORDER BY a.person_id, a.valid_from, a.role`, func() error {
		det := d.out[id]
		det.Posts = append(det.Posts, indicator.Held{Role: role, Unit: unit})
		d.out[id] = det
		return nil
	}, &id, &role, &unit)
	if err != nil {
		return err
	}
	var prob int
	err = d.each(ctx, `SELECT m.person_id, m.probationary, COALESCE(u.name, '') FROM `+b.mp+` m
		LEFT JOIN `+b.t("units")+` u ON u.id = m.unit_id AND `+b.valid("u")+`
		WHERE m.person_id IN (`+d.in+`) AND m.valid_from <= :d AND m.valid_to > :d`, func() error {
		det := d.out[id]
		det.Party, det.PartyUnit = "official", unit
		if prob != 0 {
			det.Party = "probationary"
		}
		d.out[id] = det
		return nil
	}, &id, &prob, &unit)
	if err != nil {
		return err
	}
	var kind, level string
	return d.each(ctx, `SELECT q.person_id, q.kind, q.level FROM `+b.t("qualifications")+` q
		WHERE q.person_id IN (`+d.in+`) AND `+b.rec("q")+` AND (q.obtained_on IS NULL OR q.obtained_on <= :d)`, func() error {
		det := d.out[id]
		cur := &det.Education
		if kind == tochuc.QualPoliticalTheory {
			cur = &det.Theory
		} else if kind != tochuc.QualEducation {
			return nil
		}
		if higher(kind, level, *cur) {
			*cur = level
		}
		d.out[id] = det
		return nil
	}, &id, &kind, &level)
}

// higher reports whether level ranks above cur ("" ranks lowest).
func higher(kind, level, cur string) bool {
	r, ok := tochuc.LevelRank(kind, level)
	if !ok {
		return false
	}
	c, ok := tochuc.LevelRank(kind, cur)
	return !ok || r > c
}

// traits reads the gender, birth date, ethnicity and religion of persons.
func (d detailReader) traits(ctx context.Context) error {
	b := d.b
	var id, gender, ethnicity, religion string
	var born tochuc.Date
	return d.each(ctx, `SELECT pe.id, COALESCE(pe.gender, ''), pe.birth_date, COALESCE(pe.ethnicity, ''), COALESCE(pe.religion, '') FROM `+
		b.t("people")+` pe WHERE pe.id IN (`+d.in+`) AND `+b.rec("pe"), func() error {
		det := d.out[id]
		det.Gender, det.Ethnicity, det.Religion = gender, ethnicity, religion
		if born != 0 {
			det.Born = born.String()
		}
		d.out[id] = det
		return nil
	}, &id, &gender, &born, &ethnicity, &religion)
}
