package bundle

import "github.com/tochuc/tochuc/internal/tochuc"

// Edit is a change made by a person in the app, expressed as bundle rows so
// that it goes through the checks of an import: held records to retract
// (they were never true), then records to record, and the audit entry that
// says who did it, how, and what the record was before and after.
type Edit struct {
	Retract []Retraction
	Records Tables
	Audit   tochuc.AuditEntry
}

// Retraction names a held record of a keyed (not versioned) file by its key.
type Retraction struct {
	File string
	Key  map[string]string
}
