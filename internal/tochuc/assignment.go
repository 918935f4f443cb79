package tochuc

import (
	"cmp"
	"slices"
	"strings"
)

// Assignment is a person holding a role in a unit over a period.
type Assignment struct {
	PersonID   string `json:"person_id"`
	UnitID     string `json:"unit_id"`
	Role       string `json:"role"`
	How        string `json:"how,omitempty"`
	DocumentID string `json:"document_id,omitempty"`
	Period
}

// RoleLabel returns the Vietnamese label of a role.
func RoleLabel(role string) string {
	for _, r := range Roles {
		if r.Code == role {
			return r.Label
		}
	}
	return role
}

// RoleRank is a role's place in protocol order (the order of Roles:
// secretary before deputy secretary before standing member …); a role not
// in the vocabulary comes last.
func RoleRank(role string) int {
	for i, r := range Roles {
		if r.Code == role {
			return i
		}
	}
	return len(Roles)
}

// SortByProtocol orders posts as a board lists them: by role in protocol
// order, then by start date, then by person.
func SortByProtocol(as []Assignment) {
	slices.SortStableFunc(as, func(a, b Assignment) int {
		if r := RoleRank(a.Role) - RoleRank(b.Role); r != 0 {
			return r
		}
		if a.From != b.From {
			return cmp.Compare(a.From, b.From)
		}
		return strings.Compare(a.PersonID, b.PersonID)
	})
}
