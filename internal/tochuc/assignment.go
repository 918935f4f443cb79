package tochuc

// Assignment is a person holding a role in a unit over a period.
type Assignment struct {
	PersonID   string
	UnitID     string
	Role       string
	How        string
	DocumentID string
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
