// Package restructure plans the restructuring of units (sắp xếp tổ chức):
// mergers, splits, dissolutions, establishments, renames, moves and
// conversions. A plan is a bundle (bundle.Tables) holding every row that
// realises the operation, so that it goes through the same checks and storage
// as an import, and a list of the changes in Vietnamese for the user to review.
package restructure

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Kinds of operations (bundle-v1 restructure kinds).
const (
	Merge     = "merge"
	Split     = "split"
	Dissolve  = "dissolve"
	Establish = "establish"
	Rename    = "rename"
	Move      = "move"
	Convert   = "convert"
)

// kindLabels are the Vietnamese names of the kinds.
var kindLabels = map[string]string{
	Merge: "Sáp nhập", Split: "Chia tách", Dissolve: "Giải thể", Establish: "Thành lập mới",
	Rename: "Đổi tên", Move: "Chuyển trực thuộc", Convert: "Chuyển loại hình",
}

// Operation is one restructuring decision, effective from Date.
type Operation struct {
	// Kind is merge, split, dissolve, establish, rename, move or convert.
	Kind string
	// Date is the effective date D: the first day of the new state. The
	// units before are read as they stand on D-1.
	Date tochuc.Date
	// From are the units before (none for establish; exactly one for split,
	// rename, move and convert).
	From []string
	// Into is, for a merge into an existing unit, the unit that absorbs the
	// From units and continues. Leave empty to merge into a new unit (To).
	Into string
	// To are the units after. Merge: one new unit (unless Into is set).
	// Split: two or more units; a target whose ID is the From unit keeps that
	// unit alive (with any attributes given). Establish: the new units.
	// Rename, move, convert: one target with the new attributes (Name, ParentID
	// or Kind respectively, others optional); an ID other than the From unit's
	// ends the old unit and starts a new one under that ID.
	// Empty attributes of a new unit default from the first From unit.
	To []Target
	// MembersTo is the party organization that takes in the members of a
	// dissolved party organization (required when it has members), or, for a
	// split, the target that takes in the members not named in MemberTargets
	// (default: the first new target).
	MembersTo string
	// MemberTargets maps, for a split, a member's person id to the target
	// party organization that takes them in.
	MemberTargets map[string]string
	// DocumentID is the decision (optional; it must exist).
	DocumentID string
	// EventID identifies the event; when empty, Event() derives one.
	EventID string
}

// Target is a unit after the operation: a new unit, or new attributes of a
// unit that continues. Empty fields keep (or default to) the current values.
type Target struct {
	ID         string
	Name       string
	Kind       string
	ParentID   string
	LocalityID string
}

// Reader is what a plan needs to know of the registry. *sqldb.Reader
// satisfies it.
type Reader interface {
	// Unit returns the version of a unit valid on d, or an error with code
	// tochuc.ENotFound.
	Unit(ctx context.Context, id string, d tochuc.Date) (tochuc.Unit, error)
	// UnitVersions returns all versions of a unit, oldest first, or an error
	// with code tochuc.ENotFound.
	UnitVersions(ctx context.Context, id string) ([]tochuc.Unit, error)
	// AssignmentsAsOf returns the assignments valid on d in a unit.
	AssignmentsAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]tochuc.Assignment, error)
	// UnitsAsOf returns the units existing on d that match the filter.
	UnitsAsOf(ctx context.Context, d tochuc.Date, f tochuc.UnitFilter) ([]tochuc.Unit, error)
	// MemberIDsAsOf returns the people registered as party members in a
	// party organization on d.
	MemberIDsAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]string, error)
}

// Event returns the operation's event id: EventID when set, otherwise
// "<kind>-<date>-<hash of the units and targets>", the same for the same
// operation.
func (op Operation) Event() string {
	if op.EventID != "" {
		return op.EventID
	}
	var b strings.Builder
	b.WriteString(strings.Join(op.From, ","))
	b.WriteString("|" + op.Into)
	for _, t := range op.To {
		b.WriteString("|" + strings.Join([]string{t.ID, t.Name, t.Kind, t.ParentID, t.LocalityID}, ","))
	}
	h := sha256.Sum256([]byte(b.String()))
	return op.Kind + "-" + op.Date.String() + "-" + hex.EncodeToString(h[:4])
}

// errf returns an invalid-operation error with a Vietnamese message.
func errf(format string, args ...any) error {
	return tochuc.Errorf(tochuc.EInvalid, format, args...)
}

// group is the family of kinds that may merge together: all party
// organizations, one kind of locality, or the other kinds.
func group(kind string) string {
	if tochuc.IsPartyOrg(kind) {
		return "party"
	}
	if k, ok := tochuc.LookupUnitKind(kind); ok && k.Locality {
		return kind
	}
	return "other"
}

// describe names a unit for messages: 'id' (name).
func describe(u tochuc.Unit) string { return "'" + u.ID + "' (" + u.Name + ")" }
