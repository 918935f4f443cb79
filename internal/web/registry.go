package web

import (
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/report"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Registry is what the pages read: the registry as recorded now.
// *sqldb.Reader implements it.
type Registry interface {
	bundle.Store  // the records of each bundle file, for exports
	report.Source // the indicators
	UnitsAsOf(d tochuc.Date, f tochuc.UnitFilter) ([]tochuc.Unit, error)
	Unit(id string, d tochuc.Date) (tochuc.Unit, error)
	UnitVersions(id string) ([]tochuc.Unit, error)
	UnitNames(ids []string, d tochuc.Date) (map[string]string, error)
	CountUnitsByKind(d tochuc.Date, roots []string) (map[string]int, error)
	ChildCounts(d tochuc.Date, ids []string) (map[string]int, error)
	UnitsUnder(d tochuc.Date, parents []string) ([]tochuc.Unit, error)
	UnitsOn(ids []string, d tochuc.Date) ([]tochuc.Unit, error)
	ScopedUnitIDs(roots []string, d tochuc.Date) (map[string]bool, error)
	AssignmentsAsOf(d tochuc.Date, unitID string) ([]tochuc.Assignment, error)
	MemberIDsAsOf(d tochuc.Date, unitID string) ([]string, error)
	Headcounts(unitID string) ([]tochuc.Headcount, error)
	Lineage(unitID string) ([]tochuc.RestructureLink, error)
	Documents(issuerID string) ([]tochuc.Document, error)
	People() ([]tochuc.Person, error)
	PersonNames(ids []string) (map[string]string, error)
	PersonFile(id string) (*tochuc.PersonFile, error)
	Version() (int64, error)
	OpenComparison(from, to tochuc.Date, sc sqldb.CompareScope) (*sqldb.Comparison, error)
	PeopleInScope(roots []string, d tochuc.Date) (map[string]bool, error)
	Record(f *bundle.File, key map[string]string) ([]string, error)
}
