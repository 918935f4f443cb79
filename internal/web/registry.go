package web

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Registry is what the pages read: the registry as recorded now.
// *sqldb.Reader implements it.
type Registry interface {
	bundle.Store     // the records of each bundle file, for exports
	indicator.Engine // the indicators
	// UnitsAsOf returns the units existing on d that match the filter.
	UnitsAsOf(ctx context.Context, d tochuc.Date, f tochuc.UnitFilter) ([]tochuc.Unit, error)
	// UnitVersions returns every version of a unit, oldest first. Error: ENotFound.
	UnitVersions(ctx context.Context, id string) ([]tochuc.Unit, error)
	// UnitNames returns the names of units on d (their last name when they did not exist then).
	UnitNames(ctx context.Context, ids []string, d tochuc.Date) (map[string]string, error)
	// CountUnitsByKind counts the units existing on d by kind, under the roots (all when none).
	CountUnitsByKind(ctx context.Context, d tochuc.Date, roots []string) (map[string]int, error)
	// ChildCounts returns how many units sit on d directly under each of the
	// units (those without children left out).
	ChildCounts(ctx context.Context, d tochuc.Date, ids []string) (map[string]int, error)
	// UnitsUnder returns the units existing on d directly under one of the parents.
	UnitsUnder(ctx context.Context, d tochuc.Date, parents []string) ([]tochuc.Unit, error)
	// ChildrenPage returns the units existing on d directly under parent, by
	// name then id, from offset on, at most limit.
	ChildrenPage(ctx context.Context, d tochuc.Date, parent string, offset, limit int) ([]tochuc.Unit, error)
	// UnitsOn returns the versions valid on d of the units given.
	UnitsOn(ctx context.Context, ids []string, d tochuc.Date) ([]tochuc.Unit, error)
	// ScopedUnitIDs returns the ids of the units existing on d under the roots, the roots included.
	ScopedUnitIDs(ctx context.Context, roots []string, d tochuc.Date) (map[string]bool, error)
	// AssignmentsAsOf returns the assignments valid on d in a unit.
	AssignmentsAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]tochuc.Assignment, error)
	// UnitMembers returns a page of the people registered as party members
	// of a party organization on d (and of its cells, for a grassroots
	// committee), by given name, and their count up to countCap.
	UnitMembers(ctx context.Context, d tochuc.Date, u tochuc.Unit, offset, limit, countCap int) (sqldb.MemberPage, error)
	// Headcounts returns a unit's staffing figures, oldest first.
	Headcounts(ctx context.Context, unitID string) ([]tochuc.Headcount, error)
	// Lineage returns the restructuring links that name a unit, oldest first.
	Lineage(ctx context.Context, unitID string) ([]tochuc.RestructureLink, error)
	// Documents returns the documents a unit issued (all when issuerID is
	// ""), newest first.
	Documents(ctx context.Context, issuerID string) ([]tochuc.Document, error)
	// PeoplePage returns a page of the people list (sorted by given name, filtered) from a place in it.
	PeoplePage(ctx context.Context, f sqldb.PeopleFilter, at sqldb.PeopleAt, limit int) (*sqldb.PeoplePage, error)
	// CountPeople counts the people of the list, up to sqldb.PeopleCountCap.
	CountPeople(ctx context.Context, f sqldb.PeopleFilter) (n int, over bool, err error)
	// EachPerson streams every person of the list in its order.
	EachPerson(ctx context.Context, f sqldb.PeopleFilter, fn func(tochuc.Person) error) error
	// PersonNames returns the full names of people by id.
	PersonNames(ctx context.Context, ids []string) (map[string]string, error)
	// PartyEvents returns the party events of some people (a page of them), by person.
	PartyEvents(ctx context.Context, ids []string) (map[string][]tochuc.MembershipEvent, error)
	// PersonFile returns everything held about a person. Error: ENotFound.
	PersonFile(ctx context.Context, id string) (*tochuc.PersonFile, error)
	// Version identifies the registry's state: it changes with every change set.
	Version(ctx context.Context) (int64, error)
	// OpenComparison opens what changed between two dates in a scope; the caller closes it.
	OpenComparison(ctx context.Context, from, to tochuc.Date, sc sqldb.CompareScope) (*sqldb.Comparison, error)
	// FindUnits returns the units on d a picker offers for what was typed, under the roots (all when nil).
	FindUnits(ctx context.Context, d tochuc.Date, typed string, roots []string, limit int) ([]tochuc.Unit, error)
	// FindDocuments returns the documents issued by d a picker offers for what was typed.
	FindDocuments(ctx context.Context, d tochuc.Date, typed string, limit int) ([]tochuc.Document, error)
	// PeopleSummaries returns the posts and party membership on d of a few people.
	PeopleSummaries(ctx context.Context, ids []string, d tochuc.Date) (map[string]sqldb.PersonSummary, error)
	// Record returns the cells of the held record of a keyed file with the key.
	Record(ctx context.Context, f *bundle.File, key map[string]string) ([]string, error)
	planningRegistry // planning.go
	documentRegistry // document.go
}
