package tochuc

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
