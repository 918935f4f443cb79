package bundle

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Target is where an import goes: a database transaction. It tells what is
// already held (for references and checks) and stores the records.
//
// The importer asks only about the ids the bundle refers to, at most
// lookupBatch at a time. It never calls two methods at once (a
// RecordWriter's included), but a lookup may come between two Writes of a
// file.
type Target interface {
	// Units calls fn for every version held now of the units with the given ids.
	Units(ctx context.Context, ids []string, fn func(id, kind string, p tochuc.Period) error) error
	// People calls fn for each of the given persons held now.
	People(ctx context.Context, ids []string, fn func(id string, diedOn tochuc.Date) error) error
	// Documents calls fn for each of the given documents held now, with its
	// issue date and the document it replaces ("" when none).
	Documents(ctx context.Context, ids []string, fn func(id string, issued tochuc.Date, replaces string) error) error
	// PartyEvents calls fn for every membership event of the given persons
	// held before the import and not replaced by it, in date and row order
	// per person.
	PartyEvents(ctx context.Context, persons []string, fn func(personID string, seq int, e tochuc.MembershipEvent) error) error
	// Writer starts storing the records of one file.
	Writer(ctx context.Context, f *File) (RecordWriter, error)
}

// RecordWriter stores the records of one file.
type RecordWriter interface {
	// Write stores a batch of records.
	Write(ctx context.Context, batch []*Record) error
	// Close merges the records written with what is held and tells what changed.
	Close(ctx context.Context) (Counts, error)
}

// Counts tells what an import did to one file's records.
type Counts struct {
	Read       int `json:"read"`       // rows read
	Added      int `json:"added"`      // records recorded (new, or a new state of a held record)
	Superseded int `json:"superseded"` // held records replaced
}
