package tochuc

// Unit is one version of a unit of the political system or a locality.
type Unit struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	ParentID   string `json:"parent_id,omitempty"`
	LocalityID string `json:"locality_id,omitempty"`
	HostID     string `json:"host_id,omitempty"`
	Subtype    string `json:"subtype,omitempty"`
	Sector     string `json:"sector,omitempty"` // as given; see EffectiveSector
	Ownership  string `json:"ownership,omitempty"`
	AdminCode  string `json:"admin_code,omitempty"`
	Period
}

// EffectiveSector returns the unit's sector: as given, or following from its
// kind; an internal division takes its parent's (passed in).
func (u Unit) EffectiveSector(parentSector Sector) Sector {
	if u.Sector != "" {
		return Sector(u.Sector)
	}
	if u.Kind == "internal_division" {
		return parentSector
	}
	k, _ := LookupUnitKind(u.Kind)
	return k.Sector
}

// KindLabel returns the Vietnamese label of the unit's kind as it reads on
// the first day of this version (see KindLabelOn).
func (u Unit) KindLabel() string { return KindLabelOn(u.Kind, u.From) }

// UnitFilter narrows a query of units; empty fields do not filter.
type UnitFilter struct {
	Kind       string
	ParentID   string
	LocalityID string
	HostID     string
	Roots      bool // only units without a parent
}

// RestructureLink is one link of a restructuring event: a unit before and a unit after.
type RestructureLink struct {
	EventID    string `json:"event_id"`
	Date       Date   `json:"date"`
	Kind       string `json:"kind"`
	FromUnitID string `json:"from_unit_id,omitempty"`
	ToUnitID   string `json:"to_unit_id,omitempty"`
	DocumentID string `json:"document_id,omitempty"`
}
