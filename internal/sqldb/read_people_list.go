package sqldb

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"
	"unicode"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// PeopleFilter chooses the people of the people list.
type PeopleFilter struct {
	On     tochuc.Date // the date shown: people born by then (or of unknown birth)
	Search string      // whole words of the name, diacritics ignored; or a person's id
	Gender string      // "male", "female", or "" for all
	Alive  bool        // only the people alive on On
	// Prefix matches the last word of the search as the start of a word
	// (search as one types: "nguyen van a" finds Nguyễn Văn An).
	Prefix bool
	// Exact keeps only the people whose whole folded name is the search's.
	Exact bool
	// Party: "member" (official or probationary on On), "official",
	// "probationary", "none" (not a member on On), or "" for all.
	Party string
	// BornAfter and BornBy, when set, bound the birth date: after the
	// first, on or before the second (an age band).
	BornAfter, BornBy tochuc.Date
	// ByBirth orders a page by birth date (the unknown last), then id,
	// instead of by name.
	ByBirth bool
	// Roots, when not nil, is the scope: only the people who on On hold a
	// post in a unit under these, or whose membership events up to On name a
	// party organization under them (an empty, non-nil list: nobody).
	Roots []string
}

// PeopleCursor is a place in the people list: a person's sort key and id.
type PeopleCursor struct {
	Key []byte
	ID  string
}

// String encodes the cursor for a URL: the key in base64url, a dot, the id.
func (c PeopleCursor) String() string {
	if c.ID == "" {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(c.Key) + "." + c.ID
}

// maxCursor bounds the length of an encoded cursor (an input).
const maxCursor = 1024

// ParsePeopleCursor reads an encoded cursor. Error: EInvalid.
func ParsePeopleCursor(s string) (PeopleCursor, error) {
	k, id, ok := strings.Cut(s, ".")
	key, err := base64.RawURLEncoding.DecodeString(k)
	if !ok || err != nil || id == "" || len(s) > maxCursor {
		return PeopleCursor{}, tochuc.Errorf(tochuc.EInvalid, "vị trí trang không hợp lệ")
	}
	return PeopleCursor{Key: key, ID: id}, nil
}

// PeopleAt says where a page of the people list starts: after a cursor, or
// before it (Backward: the page that ends just before it), or with no
// cursor at Offset rows from the start.
type PeopleAt struct {
	Cursor   PeopleCursor
	Backward bool
	Offset   int
}

// PeoplePage is a page of the people list, in its order.
type PeoplePage struct {
	People      []tochuc.Person
	First, Last PeopleCursor // of the first and the last person shown (zero when none)
	// Before and After report whether the list holds people before the
	// first shown and after the last (Before: whenever the page did not
	// start at the beginning).
	Before, After bool
}

// PeopleCountCap is where counts of the people list stop: past it a list
// says "more than" (hơn 10.000).
const PeopleCountCap = 10000

// maxPeoplePage bounds a page.
const maxPeoplePage = 1000

const personListColumns = `p.id, p.full_name, COALESCE(p.gender, ''), p.birth_date, COALESCE(p.ethnicity, ''),
	COALESCE(p.religion, ''), p.died_on, `

// pageOrder is what a page of the list is ordered by (then id), the key
// its cursor holds, and the cursor's placeholder.
func (r *Reader) pageOrder(f PeopleFilter) (order, key, arg string) {
	if !f.ByBirth {
		return "p.sort_key", "p.sort_key", "?"
	}
	if r.db.Dialect == Postgres {
		e := "COALESCE(p.birth_date, DATE '9999-12-31')"
		return e, "CAST(" + e + " AS TEXT)", "CAST(? AS DATE)"
	}
	e := "COALESCE(p.birth_date, '9999-12-31')"
	return e, e, "?"
}

// PeoplePage returns up to limit people of the list from at, ordered by
// given name and then by family and middle names in the Vietnamese order
// (the stored sort key), then by id.
func (r *Reader) PeoplePage(ctx context.Context, f PeopleFilter, at PeopleAt, limit int) (*PeoplePage, error) {
	limit = min(max(limit, 1), maxPeoplePage)
	q, err := r.peopleQuery(ctx, f, forPage)
	if err != nil {
		return nil, err
	}
	by, keyCol, keyArg := r.pageOrder(f)
	order := by + ", p.id"
	conds, args := slices.Clone(q.conds), slices.Clone(q.args)
	if at.Cursor.ID != "" {
		op := ">"
		if at.Backward {
			op, order = "<", by+" DESC, p.id DESC"
		}
		conds = append(conds, "("+by+", p.id) "+op+" ("+keyArg+", ?)")
		var key any = at.Cursor.Key
		if f.ByBirth {
			key = string(at.Cursor.Key)
		}
		args = append(args, key, at.Cursor.ID)
	}
	sql := q.with + `SELECT ` + personListColumns + keyCol + ` FROM ` + q.from + ` WHERE ` + strings.Join(conds, " AND ") +
		` ORDER BY ` + order + ` LIMIT ?`
	args = append(args, limit+1)
	if at.Cursor.ID == "" && at.Offset > 0 {
		sql += ` OFFSET ?`
		args = append(args, at.Offset)
	}
	page := &PeoplePage{}
	var keys [][]byte
	err = r.each(ctx, sql, args, func(s scanner) error {
		var p tochuc.Person
		var key []byte
		err := s.Scan(&p.ID, &p.FullName, &p.Gender, &p.BirthDate, &p.Ethnicity, &p.Religion, &p.DiedOn, &key)
		page.People, keys = append(page.People, p), append(keys, key)
		return err
	})
	if err != nil {
		return nil, err
	}
	more := len(page.People) > limit
	if more {
		page.People, keys = page.People[:limit], keys[:limit]
	}
	if at.Backward && at.Cursor.ID != "" {
		slices.Reverse(page.People)
		slices.Reverse(keys)
		page.Before, page.After = more, true
	} else {
		page.Before, page.After = at.Cursor.ID != "" || at.Offset > 0, more
	}
	if n := len(page.People); n > 0 {
		page.First = PeopleCursor{Key: keys[0], ID: page.People[0].ID}
		page.Last = PeopleCursor{Key: keys[n-1], ID: page.People[n-1].ID}
	}
	return page, nil
}

// CountPeople counts the people of the list up to PeopleCountCap: over
// reports that more match than the count says (the count stops there).
func (r *Reader) CountPeople(ctx context.Context, f PeopleFilter) (n int, over bool, err error) {
	q, err := r.peopleQuery(ctx, f, forCount)
	if err != nil {
		return 0, false, err
	}
	sql := q.with + `SELECT COUNT(*) FROM (SELECT 1 FROM ` + q.from + ` WHERE ` + strings.Join(q.conds, " AND ") + ` LIMIT ?) c`
	err = r.q.QueryRowContext(ctx, r.db.rebind(sql), append(slices.Clone(q.args), PeopleCountCap+1)...).Scan(&n)
	if n > PeopleCountCap {
		return PeopleCountCap, true, err
	}
	return n, false, err
}

// EachPerson calls fn with every person of the list in its order, read as
// a stream (for downloads: nothing grows with the list).
func (r *Reader) EachPerson(ctx context.Context, f PeopleFilter, fn func(tochuc.Person) error) error {
	q, err := r.peopleQuery(ctx, f, forAll)
	if err != nil {
		return err
	}
	sql := q.with + `SELECT ` + personListColumns + `p.sort_key FROM ` + q.from + ` WHERE ` + strings.Join(q.conds, " AND ") +
		` ORDER BY p.sort_key, p.id`
	return r.each(ctx, sql, q.args, func(s scanner) error {
		var p tochuc.Person
		var key []byte
		if err := s.Scan(&p.ID, &p.FullName, &p.Gender, &p.BirthDate, &p.Ethnicity, &p.Religion, &p.DiedOn, &key); err != nil {
			return err
		}
		return fn(p)
	})
}

// peopleSQL is the people list as SQL parts: an optional WITH clause (the
// scope), the FROM clause naming the people p, and the conditions with
// their arguments in order.
type peopleSQL struct {
	with, from string
	conds      []string
	args       []any
}

// The uses of the list's query, which choose how it is read.
const (
	forPage  = iota // a page: in order, a few rows
	forCount        // a count that stops at PeopleCountCap: in any order
	forAll          // every row, in order
)

// peopleQuery builds the list's query for a use. The order (sort_key, id) is
// served by people_sorted, a search by the words' index, a scope by the
// posts and party events of its units. Which one the rows are read from:
//   - a count reads from the scope's people, when there is a scope (on
//     PostgreSQL: and no search), or on SQLite from the words' index, for a
//     search matching few, stopping at the cap;
//   - on SQLite, whose planner has no statistics, a page of a search
//     matching at most PeopleCountCap people is read from the words' index
//     and sorted; else of a scope holding at most PeopleCountCap people, from
//     them, sorted; else the list walks people_sorted and checks each person
//     (the search or scope then match many: a page ends soon);
//   - PostgreSQL's planner chooses, from the same conditions.
func (r *Reader) peopleQuery(ctx context.Context, f PeopleFilter, use int) (peopleSQL, error) {
	q := peopleSQL{from: "people p"}
	lite := r.db.Dialect == SQLite
	join := "JOIN"
	if lite {
		join = "CROSS JOIN" // SQLite: in this order
	}
	if f.Roots != nil {
		var args []any
		q.with, args = r.rootsCTE(f.Roots, f.On)
		q.with += `, scoped_people(id) AS (SELECT a.person_id FROM assignments a WHERE ` + r.rec.where("a") +
			` AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) AND a.unit_id IN (SELECT id FROM scoped)
			UNION ALL SELECT e.person_id FROM party e WHERE ` + r.rec.where("e") + ` AND e.date <= ? AND e.unit_id IN (SELECT id FROM scoped)) `
		q.args = append(append(q.args, args...), f.On, f.On, f.On)
	}
	nWith := len(q.args)
	q.conds = append(q.conds, r.rec.where("p"), "(p.birth_date IS NULL OR p.birth_date <= ?)")
	q.args = append(q.args, f.On)
	if f.Gender != "" {
		q.conds = append(q.conds, "p.gender = ?")
		q.args = append(q.args, f.Gender)
	}
	if f.Alive {
		q.conds = append(q.conds, "(p.died_on IS NULL OR p.died_on > ?)")
		q.args = append(q.args, f.On)
	}
	if f.BornAfter != 0 {
		q.conds = append(q.conds, "p.birth_date > ?")
		q.args = append(q.args, f.BornAfter)
	}
	if f.BornBy != 0 {
		q.conds = append(q.conds, "p.birth_date <= ?")
		q.args = append(q.args, f.BornBy)
	}
	if cond, ok := partyConditions[f.Party]; ok {
		q.conds = append(q.conds, cond)
		q.args = append(q.args, f.On, f.On)
	} else if f.Party != "" {
		return q, tochuc.Errorf(tochuc.EInvalid, "bộ lọc đảng viên không hợp lệ: %q", f.Party)
	}
	if f.Exact {
		q.conds = append(q.conds, "p.folded = ?")
		q.args = append(q.args, strings.Join(SearchWords(f.Search), " "))
	}
	// The search's condition, or the match of the words' index to read from.
	var match string
	if strings.TrimSpace(f.Search) != "" {
		cond, arg, err := r.searchCondition(ctx, f.Search, f.Prefix)
		if err != nil {
			return q, err
		}
		if lite && strings.HasPrefix(arg, "\"") {
			n, err := r.ftsCount(ctx, arg)
			if err != nil {
				return q, err
			}
			if n <= PeopleCountCap {
				match = arg
			}
		}
		if match == "" {
			q.conds = append(q.conds, cond)
			q.args = append(q.args, arg)
		}
	}
	scopeFrom := "(SELECT DISTINCT id FROM scoped_people) s " + join + " people p ON p.id = s.id"
	switch {
	case match != "":
		q.from = "people_words w CROSS JOIN people p ON p.rid = w.rowid"
		q.conds = append(q.conds, "w.people_words MATCH ?")
		q.args = append(q.args, match)
	case f.Roots != nil && use == forCount && (lite || strings.TrimSpace(f.Search) == ""):
		q.from = scopeFrom
		return q, nil
	case f.Roots != nil && lite:
		var n int
		err := r.q.QueryRowContext(ctx, q.with+`SELECT COUNT(*) FROM (SELECT DISTINCT id FROM scoped_people LIMIT ?) c`,
			append(slices.Clone(q.args[:nWith]), PeopleCountCap+1)...).Scan(&n)
		if err != nil {
			return q, err
		}
		if n <= PeopleCountCap {
			q.from = scopeFrom
			return q, nil
		}
	}
	if lite && match == "" && r.rec == (Recorded{}) && !f.ByBirth {
		q.from = "people p INDEXED BY people_sorted"
	}
	if f.Roots != nil {
		// A person's posts and events are found by person, then their unit
		// looked up in the scope: on SQLite "+" keeps the scope's list from
		// driving the index (a probe per unit of the scope, per person).
		plus := ""
		if lite {
			plus = "+"
		}
		q.conds = append(q.conds, `(EXISTS (SELECT 1 FROM assignments a WHERE a.person_id = p.id AND `+r.rec.where("a")+
			` AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?) AND `+plus+`a.unit_id IN (SELECT id FROM scoped))
			OR EXISTS (SELECT 1 FROM party e WHERE e.person_id = p.id AND `+r.rec.where("e")+
			` AND e.date <= ? AND `+plus+`e.unit_id IN (SELECT id FROM scoped)))`)
		q.args = append(q.args, f.On, f.On, f.On)
	}
	return q, nil
}

// searchCondition is the condition of a search and its argument: a person's
// id, that person; otherwise every word of the search is a whole word of the
// folded name (on SQLite the argument is the FTS5 query, starting with a
// quote).
func (r *Reader) searchCondition(ctx context.Context, search string, prefix bool) (string, string, error) {
	if id := strings.TrimSpace(search); len(id) <= 100 {
		var n int
		err := r.q.QueryRowContext(ctx, r.db.rebind(`SELECT COUNT(*) FROM people p WHERE `+r.rec.where("p")+` AND p.id = ?`), id).Scan(&n)
		if err != nil || n > 0 {
			return "p.id = ?", id, err
		}
	}
	words := SearchWords(search)
	switch {
	case len(words) == 0:
		return "p.id = ?", "", nil // nothing to search for: nobody (no id is empty)
	case r.db.Dialect == Postgres && prefix:
		return "to_tsvector('simple', p.folded) @@ to_tsquery('simple', ?)", strings.Join(words, " & ") + ":*", nil
	case r.db.Dialect == Postgres:
		return "to_tsvector('simple', p.folded) @@ plainto_tsquery('simple', ?)", strings.Join(words, " "), nil
	}
	m := ftsMatch(words)
	if prefix {
		m += "*"
	}
	return "EXISTS (SELECT 1 FROM people_words w WHERE w.people_words MATCH ? AND w.rowid = p.rid)", m, nil
}

// partyConditions are the conditions of the party filter on the
// membership periods (member_periods, kept with every change set); each
// takes the date twice.
var partyConditions = map[string]string{
	"member":       "EXISTS (SELECT 1 FROM member_periods m WHERE m.person_id = p.id AND m.valid_from <= ? AND m.valid_to > ?)",
	"official":     "EXISTS (SELECT 1 FROM member_periods m WHERE m.person_id = p.id AND m.probationary = 0 AND m.valid_from <= ? AND m.valid_to > ?)",
	"probationary": "EXISTS (SELECT 1 FROM member_periods m WHERE m.person_id = p.id AND m.probationary = 1 AND m.valid_from <= ? AND m.valid_to > ?)",
	"none":         "NOT EXISTS (SELECT 1 FROM member_periods m WHERE m.person_id = p.id AND m.valid_from <= ? AND m.valid_to > ?)",
}

// ftsCount counts the rows an FTS5 query matches, up to PeopleCountCap+1.
func (r *Reader) ftsCount(ctx context.Context, match string) (int, error) {
	var n int
	err := r.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM people_words WHERE people_words MATCH ? LIMIT ?) c`,
		match, PeopleCountCap+1).Scan(&n)
	return n, err
}

// SearchWords folds a search (lowercase, no diacritics, đ → d) and splits it
// into the words a name is matched on: runs of letters and digits, as the
// words' indexes split names.
func SearchWords(s string) []string {
	return strings.FieldsFunc(textvn.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// ftsMatch is an FTS5 query that every word matches a whole word of the
// name: each word a quoted string (it holds letters and digits only).
func ftsMatch(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = `"` + w + `"`
	}
	return strings.Join(parts, " ")
}
