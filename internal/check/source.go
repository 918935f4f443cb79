package check

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Person is what the rules read of a person.
type Person struct {
	ID        string
	Name      string
	Gender    string
	Birth     tochuc.Date
	Died      tochuc.Date
	CitizenID string
}

// deadOn reports whether the person has died by d: a dead person holds
// nothing and is in no finding about d (but those of data quality).
func (p Person) deadOn(d tochuc.Date) bool { return p.Died != 0 && p.Died <= d }

// PlanRow is a plan held on a date, with its person.
type PlanRow struct {
	tochuc.Plan
	Person Person
}

// Rating is an evaluation, with, for a person, their name and the day they
// died (0: alive); a unit's name is read when a finding needs it.
type Rating struct {
	tochuc.Evaluation
	Name string
	Died tochuc.Date
}

// PostRow is an assignment held on a date, with its person and the kind of
// its unit on that date.
type PostRow struct {
	tochuc.Assignment
	Person   Person
	UnitKind string
}

// Source streams the records the rules read, as recorded at one time. Each
// method calls fn once per record; memory stays with the caller's choice.
type Source interface {
	// Plans calls fn with every plan held on d (added_on ≤ d < removed_on).
	Plans(ctx context.Context, d tochuc.Date, fn func(PlanRow) error) error
	// Posts calls fn with every assignment held on d.
	Posts(ctx context.Context, d tochuc.Date, fn func(PostRow) error) error
	// PostsIn calls fn with every assignment held on d in one of the units.
	PostsIn(ctx context.Context, d tochuc.Date, units []string, fn func(PostRow) error) error
	// Children calls fn with every unit existing on d directly under one of the parents.
	Children(ctx context.Context, d tochuc.Date, parents []string, fn func(tochuc.Unit) error) error
	// Ratings calls fn with every decided evaluation of a year up to
	// maxYear, ordered by subject type, subject id, year and category.
	Ratings(ctx context.Context, maxYear int, fn func(Rating) error) error
	// Admissions calls fn with every admission on or before d and its person.
	Admissions(ctx context.Context, d tochuc.Date, fn func(Person, tochuc.Date) error) error
	// Probationers calls fn with every probationary member on d and the
	// date of their latest admission (0 when they came in by transfer).
	Probationers(ctx context.Context, d tochuc.Date, fn func(Person, tochuc.Date) error) error
	// OfficialMembers returns, for each party organization, how many
	// official members are registered in it on d.
	OfficialMembers(ctx context.Context, d tochuc.Date) (map[string]int, error)
	// MemberRatings calls fn, for each year and each member registered
	// on 31 December of that year in one of that year's units who has a
	// rating of the category in the year, with the year, that unit and the
	// rating.
	MemberRatings(ctx context.Context, units map[int][]string, category string, fn func(year int, unitID string, r Rating) error) error
	// Units calls fn with every unit existing on d.
	Units(ctx context.Context, d tochuc.Date, fn func(tochuc.Unit) error) error
	// People calls fn with every person, ordered by key: "citizen_id" (those
	// with one) or "birth_date" (those with one).
	People(ctx context.Context, key string, fn func(Person) error) error
	// UnitNames returns the names of units on d (their last name when they
	// did not exist then), for messages.
	UnitNames(ctx context.Context, ids []string, d tochuc.Date) (map[string]string, error)
	// Disciplines calls fn with every discipline decided on or before d
	// (bundle-v1 amendment 1), ordered by subject type, subject id and date.
	Disciplines(ctx context.Context, d tochuc.Date, fn func(tochuc.Discipline) error) error
}
